// Reading and writing a form's answers, and showing messages at its fields.
// One rule reads every control (readControl), whether it stands alone or sits in a list item.
import { itemsOf, keyOf, replaceItems } from "./calc-list.mjs";

/** Sent for a number input whose text the browser cannot parse; Python names the field. */
export const BAD_NUMBER = "not a number";

/**
 * The value of one control. A checkbox gives its state; a number input gives a number,
 * BAD_NUMBER when the browser cannot parse what was typed, or undefined when blank; a select or
 * radio gives its value text.
 */
export function readControl(control) {
  if (control.type === "checkbox") return control.checked;
  if (control.type === "number") {
    if (control.validity.badInput) return BAD_NUMBER;
    return control.value.trim() === "" ? undefined : Number(control.value);
  }
  return control.value;
}

/** The form's fields in order: name, kind (number, integer, choice, boolean, list), fieldset. */
export function fieldsOf(form) {
  return [...form.querySelectorAll("fieldset[data-field]")].map((set) => ({
    name: set.dataset.field,
    kind: set.dataset.kind,
    set,
  }));
}

function readItem(set, item) {
  if (set.dataset.item !== "object") return readControl(item.querySelector("select, input")) ?? null;
  const values = {};
  for (const control of item.querySelectorAll("[name]")) {
    const value = readControl(control);
    if (value !== undefined) values[keyOf(control)] = value;
  }
  return values;
}

function readField(kind, set) {
  if (kind === "choice") return set.querySelector("input[type=radio]:checked")?.value;
  if (kind === "list") return itemsOf(set).map((item) => readItem(set, item));
  return readControl(set.querySelector("input"));
}

/** The inputs as the reader gave them: numbers as numbers, blanks left out (null in a list). */
export function collect(form) {
  const inputs = {};
  for (const { name, kind, set } of fieldsOf(form)) {
    const value = readField(kind, set);
    if (value !== undefined) inputs[name] = value;
  }
  return inputs;
}

/** Has the reader answered anything yet (an unticked checkbox is no answer)? */
export function hasAnswers(form) {
  return fieldsOf(form).some(({ kind, set }) => {
    if (kind === "list") return itemsOf(set).length > 0;
    const value = readField(kind, set);
    return value !== undefined && value !== false;
  });
}

/** Is the control that an error names still empty (so the reader has not got to it yet)? */
export function isBlank(form, field) {
  const controls = [...form.querySelectorAll(`[name="${CSS.escape(field)}"]`)];
  if (controls.length === 0) return false;
  if (controls[0].type === "radio") return !controls.some((c) => c.checked);
  if (controls[0].tagName === "SELECT") return controls[0].value === "";
  return controls[0].type === "number" && readControl(controls[0]) === undefined;
}

function choicesOf(select) {
  return [...select.options].map((o) => o.value).filter((v) => v !== "");
}

/** What each control of a list's items accepts, from the item template. */
function partsOf(set) {
  const template = set.querySelector('template[data-slot="item-template"]');
  return [...template.content.querySelectorAll("[name]")].map((control) => ({
    key: keyOf(control),
    type: control.tagName === "SELECT" ? "choice" : control.type,
    choices: control.tagName === "SELECT" ? choicesOf(control) : [],
  }));
}

/**
 * What each field accepts, for reading a link without trusting it: its kind, its choices, and
 * for a list the kind of its items and the controls of one item.
 * @returns {import("./calc-fragment.mjs").FieldSpec[]}
 */
export function describeFields(form) {
  return fieldsOf(form).map(({ name, kind, set }) => {
    const spec = { name, kind, item: set.dataset.item ?? "", choices: [], parts: [] };
    if (kind === "choice") spec.choices = [...set.querySelectorAll("input[type=radio]")].map((r) => r.value);
    if (kind === "list" && spec.item === "object") spec.parts = partsOf(set);
    else if (kind === "list") spec.choices = partsOf(set)[0]?.choices ?? [];
    return spec;
  });
}

function writeChoice(set, value) {
  for (const radio of set.querySelectorAll("input[type=radio]")) radio.checked = radio.value === value;
}

/** Put checked answers (a Map from calc-fragment.mjs's readAnswers) into the form. */
export function writeAnswers(form, answers) {
  for (const { name, kind, set } of fieldsOf(form)) {
    if (!answers.has(name)) continue;
    const value = answers.get(name);
    if (kind === "choice") writeChoice(set, value);
    else if (kind === "boolean") set.querySelector("input").checked = value === true;
    else if (kind === "list") replaceItems(set, value);
    else set.querySelector("input").value = value;
  }
}

/** Empty every answer and every list. */
export function clearInputs(form) {
  for (const { kind, set } of fieldsOf(form)) if (kind === "list") replaceItems(set, []);
  for (const input of form.querySelectorAll("input")) {
    if (input.type === "radio" || input.type === "checkbox") input.checked = false;
    else input.value = "";
  }
  for (const filter of form.querySelectorAll('[data-slot="filter"] input')) filterChoices(filter);
}

/**
 * The answers a filter box shortens (its aria-controls names their box): each radio's label with
 * the words it is found by, and whether it is the chosen one.
 */
function filteredChoices(filter) {
  const box = document.getElementById(filter.getAttribute("aria-controls"));
  if (!box) return [];
  return [...box.querySelectorAll("label")].map((label) => {
    const radio = label.querySelector("input");
    const text = `${label.textContent} ${radio.value.replaceAll("_", " ")}`.toLowerCase();
    return { label, text, chosen: radio.checked };
  });
}

/**
 * Hide the answers of a long choice that do not contain the words typed in its filter box
 * (any case, in any order); the chosen answer always stays. Says how many are shown.
 */
export function filterChoices(filter) {
  const choices = filteredChoices(filter);
  if (choices.length === 0) return;
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const { label, text, chosen } of choices) {
    label.hidden = !chosen && !words.every((word) => text.includes(word));
    if (!label.hidden) shown++;
  }
  const count = filter.closest('[data-slot="filter"]').querySelector('[data-slot="filter-count"]');
  count.textContent = words.length ? `${shown} of ${choices.length} shown` : `${choices.length} to choose from`;
}

/** Show the filter boxes of long choices (they need the script) and fill in their counts. */
export function enableFilters(form) {
  for (const box of form.querySelectorAll('[data-slot="filter"]')) {
    box.hidden = false;
    filterChoices(box.querySelector("input"));
  }
}

/** The form's buttons work only once the script runs; the template ships them disabled. */
export function enableButtons(form) {
  for (const button of form.querySelectorAll("button[disabled][data-needs-script]")) {
    button.disabled = false;
  }
}

export function clearMessages(form) {
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    slot.hidden = true;
    slot.textContent = "";
  }
  for (const input of form.querySelectorAll('[aria-invalid="true"]')) input.removeAttribute("aria-invalid");
}

/**
 * Show `message` at the field (a dotted name like `trials.2.weeks`, or "" for the whole form),
 * in the nearest slot that exists, after any message already there; mark its controls invalid.
 */
export function showMessage(form, field, message) {
  let slot = null;
  for (let name = field; !slot; name = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "") {
    slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (name === "") break;
  }
  if (!slot) return;
  slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  slot.hidden = false;
  for (const input of form.querySelectorAll(`[name="${CSS.escape(field)}"]`)) {
    input.setAttribute("aria-invalid", "true");
  }
}
