// Every problem with a form's answers at once: each message at its field, and a summary at the top
// of the form that names the field and links to it. The problems are the answers a link could not
// fill in, and (after "Show the result") every invalid answer Python found.
import { clearMessages, isBlank, showMessage } from "./calc-form.mjs";

/** @typedef {[field: string, message: string]} Problem  `field` is dotted ("trials.2.weeks") or "". */

function summaryOf(form) {
  return form.querySelector('[data-slot="summary"]');
}

/** The item (list entry) a dotted name points into, if any: `trials.2` gives the third item. */
function itemOf(top, parts) {
  if (!top || parts.length < 2) return null;
  return top.querySelectorAll('[data-slot="items"] > li')[Number(parts[1])] ?? null;
}

/** The words a reader knows a field by: its question, and for a list the item and the control. */
export function fieldLabel(form, field) {
  const parts = field.split(".");
  const top = form.querySelector(`fieldset[data-field="${CSS.escape(parts[0])}"]`);
  const question = top?.querySelector(":scope > legend")?.textContent.trim() || parts[0];
  const item = itemOf(top, parts);
  const itemName = item?.querySelector("legend")?.textContent.trim();
  const control = parts.length > 2 ? form.querySelector(`[name="${CSS.escape(field)}"]`) : null;
  const controlName = control?.labels?.[0]?.textContent.trim();
  return [question, itemName, controlName].filter(Boolean).join(", ");
}

/**
 * A problem in words that say where it is: Python's message, led by the field's name unless the
 * message already starts with it (its question, or a list item's name).
 */
export function problemText(form, field, message) {
  if (field === "") return message;
  const label = fieldLabel(form, field);
  const names = label.split(", ").slice(0, 2);
  return names.some((name) => name && message.startsWith(name)) ? message : `${label}: ${message}`;
}

/** Python's list of a choice's codes ("enter one of: mild, severe_psychotic"), for the CLI. */
const CODES = /\b(?:enter|choose) one of: [^.]*\./;

/**
 * A message in the reader's words: for a choice left blank, Python lists the codes a CLI user
 * types; a form's reader has the answers in front of them, so the message says to choose one.
 */
export function inWords(form, field, message) {
  const control = form.querySelector(`[name="${CSS.escape(field)}"]`);
  const choice = control?.type === "radio" || control?.tagName === "SELECT";
  return choice && isBlank(form, field) ? message.replace(CODES, "choose one of the answers.") : message;
}

/** The control a problem is about: the named one (the checked radio first), or the item's first. */
function controlOf(form, field) {
  const parts = field.split(".");
  const named = [...form.querySelectorAll(`[name="${CSS.escape(field)}"]`)];
  if (named.length) return named.find((c) => c.checked) ?? named[0];
  const top = form.querySelector(`fieldset[data-field="${CSS.escape(parts[0])}"]`);
  return (itemOf(top, parts) ?? top)?.querySelector("select, input:not([type=hidden])") ?? null;
}

/** Move to the field a problem is about, as the summary's link does. */
export function focusField(form, field) {
  const control = controlOf(form, field);
  if (!control) return;
  control.closest("fieldset")?.scrollIntoView({ block: "start" });
  control.focus({ preventScroll: true });
}

function summaryItem(form, [field, message]) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  const top = form.querySelector(`fieldset[data-field="${CSS.escape(field.split(".")[0])}"]`);
  link.href = `#${top?.id ?? ""}`;
  link.dataset.problemField = field;
  link.textContent = problemText(form, field, message);
  item.append(link);
  return item;
}

/** The heading of the summary, which is also what a screen reader is told. */
export function problemsHeading(count) {
  return count === 1 ? "1 answer needs checking:" : `${count} answers need checking:`;
}

/**
 * Show `problems` at their fields and list those about a field in the summary at the top of the
 * form (a message about the whole form has its own place above the buttons). Returns how many it
 * lists.
 */
export function showProblems(form, problems) {
  clearMessages(form);
  for (const [field, message] of problems) showMessage(form, field, message);
  const listed = problems.filter(([field]) => field !== "");
  const summary = summaryOf(form);
  if (!summary) return listed.length;
  summary.hidden = listed.length === 0;
  const title = summary.querySelector('[data-slot="summary-title"]');
  title.textContent = listed.length ? problemsHeading(listed.length) : "";
  summary.querySelector("ul").replaceChildren(...listed.map((p) => summaryItem(form, p)));
  return listed.length;
}

/** The field a click in the summary asks for, if the click was on one of its links. */
export function summaryTarget(event) {
  return event.target.closest?.("[data-problem-field]")?.dataset.problemField;
}
