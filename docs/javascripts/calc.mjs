// Page script: brings the build-time calculator forms to life.
// One module worker per tab runs the Python; it is created on the first interaction with a form
// (or when a page with a form is idle on a fast connection), never on pages without one, and it
// survives Material's instant navigation because it lives in this module's scope.
import { config } from "./calc-config.mjs";
import { KIND } from "./calc-protocol.mjs";

const RUN_TIMEOUT_MS = 10_000;
const BAD_NUMBER = "not a number"; // sent for a number input the browser cannot parse

// ---------------------------------------------------------------- worker client (one per tab)

/** @type {{ worker: Worker, pending: Map<number, {resolve: Function, reject: Function, timer: number}>, nextId: number, start: Promise<any> | null } | null} */
let client = null;

function createClient() {
  const worker = new Worker(new URL("./calc-worker.mjs", import.meta.url), { type: "module" });
  const c = { worker, pending: new Map(), nextId: 1, start: null };
  worker.addEventListener("message", (event) => {
    const reply = event.data;
    const waiter = c.pending.get(reply.id);
    if (!waiter) return;
    c.pending.delete(reply.id);
    clearTimeout(waiter.timer);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(reply.error));
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    dropClient(c, new Error(event.message || "the worker script failed to load"));
  });
  return c;
}

/** Reject everything still waiting and forget the worker, so the next start makes a new one. */
function dropClient(c, error) {
  for (const waiter of c.pending.values()) {
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }
  c.pending.clear();
  c.worker.terminate();
  if (client === c) client = null;
}

function request(c, kind, payload, timeoutMs) {
  return new Promise((resolve, reject) => {
    const id = c.nextId++;
    const timer = setTimeout(() => {
      c.pending.delete(id);
      reject(new Error(`no answer from Python after ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    c.pending.set(id, { resolve, reject, timer });
    c.worker.postMessage({ id, kind, ...payload });
  });
}

/** Start Python once per tab; resolves with { python } or rejects (start-up timeout included). */
function startPython() {
  client ??= createClient();
  const c = client;
  c.start ??= request(c, KIND.START, {}, config.startTimeoutMs).catch((error) => {
    dropClient(c, error);
    throw error;
  });
  return c.start;
}

async function runPython(calc, inputs) {
  await startPython();
  return request(client, KIND.RUN, { calc, inputs: JSON.stringify(inputs) }, RUN_TIMEOUT_MS);
}

// ---------------------------------------------------------------- reading and writing the form

function fieldsOf(form) {
  return [...form.querySelectorAll("fieldset[data-field]")].map((set) => ({
    name: set.dataset.field,
    kind: set.dataset.kind,
    set,
  }));
}

/** The inputs as the reader gave them: numbers as numbers, blanks left out. */
function collect(form) {
  const inputs = {};
  for (const { name, kind, set } of fieldsOf(form)) {
    if (kind === "number" || kind === "integer") {
      const input = set.querySelector("input");
      if (input.validity.badInput) inputs[name] = BAD_NUMBER;
      else if (input.value.trim() !== "") inputs[name] = Number(input.value);
    } else if (kind === "choice") {
      const checked = set.querySelector("input:checked");
      if (checked) inputs[name] = checked.value;
    } else if (kind === "boolean") {
      inputs[name] = set.querySelector("input").checked;
    } else if (kind === "list") {
      inputs[name] = itemsOf(set).map((item) => collectListItem(set.dataset.item, item));
    }
  }
  return inputs;
}

// ---------------------------------------------------------------- list fields (add, move, remove)

function itemsOf(set) {
  return [...set.querySelector('[data-slot="items"]').children];
}

/** One item of a list: a chosen value, a number (null when blank), or an object of answers. */
function collectListItem(itemKind, item) {
  if (itemKind === "choice") return item.querySelector("select").value;
  if (itemKind === "number") {
    const input = item.querySelector("input");
    if (input.validity.badInput) return BAD_NUMBER;
    return input.value.trim() === "" ? null : Number(input.value);
  }
  return collectItem(item);
}

function collectItem(item) {
  const values = {};
  for (const control of item.querySelectorAll("[name]")) {
    const key = control.name.split(".").pop();
    if (control.type === "checkbox") values[key] = control.checked;
    else if (control.type === "number") {
      if (control.validity.badInput) values[key] = BAD_NUMBER;
      else if (control.value.trim() !== "") values[key] = Number(control.value);
    } else values[key] = control.value;
  }
  return values;
}

const INDEXED = ["name", "id", "for", "data-error-for"];

/** Give every control of every item its index: `trials.2.weeks`, and number the legends. */
function renumber(set) {
  itemsOf(set).forEach((item, index) => {
    item.querySelector('[data-slot="n"]').textContent = String(index + 1);
    for (const node of item.querySelectorAll("*")) {
      for (const attr of INDEXED) {
        const pattern = node.dataset[`tpl${attr.replaceAll("-", "")}`];
        if (pattern !== undefined) node.setAttribute(attr, pattern.replaceAll("__i__", String(index)));
      }
    }
    item.querySelector('[data-list="up"]').disabled = index === 0;
    item.querySelector('[data-list="down"]').disabled = index === itemsOf(set).length - 1;
  });
}

function addItem(set, values) {
  const item = set.querySelector('template[data-slot="item-template"]').content.firstElementChild.cloneNode(true);
  for (const node of item.querySelectorAll("*")) {
    for (const attr of INDEXED) {
      if (node.hasAttribute(attr)) node.dataset[`tpl${attr.replaceAll("-", "")}`] = node.getAttribute(attr);
    }
  }
  set.querySelector('[data-slot="items"]').append(item);
  renumber(set);
  if (values !== undefined) {
    if (set.dataset.item !== "object") item.querySelector("select, input").value = String(values);
    else
      for (const control of item.querySelectorAll("[name]")) {
        const value = values[control.name.split(".").pop()];
        if (value === undefined) continue;
        if (control.type === "checkbox") control.checked = value === true;
        else control.value = String(value);
      }
  }
  return item;
}

/** Handle Add / Move up / Move down / Remove; returns true when the list changed. */
function editList(button) {
  const set = button.closest('fieldset[data-kind="list"]');
  const item = button.closest(".calc-list__item");
  const action = button.dataset.list;
  if (action === "add") {
    addItem(set).querySelector("select, input")?.focus();
  } else if (action === "remove") {
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    renumber(set);
    (next?.querySelector('[data-list="remove"]') ?? set.querySelector('[data-list="add"]')).focus();
  } else if (action === "up" && item.previousElementSibling) {
    item.previousElementSibling.before(item);
    renumber(set);
    button.disabled ? item.querySelector('[data-list="down"]').focus() : button.focus();
  } else if (action === "down" && item.nextElementSibling) {
    item.nextElementSibling.after(item);
    renumber(set);
    button.disabled ? item.querySelector('[data-list="up"]').focus() : button.focus();
  } else return false;
  return true;
}

function apply(form, values) {
  for (const { name, kind, set } of fieldsOf(form)) {
    if (!(name in values)) continue;
    const value = values[name];
    if (kind === "number" || kind === "integer") set.querySelector("input").value = value;
    else if (kind === "choice") {
      for (const radio of set.querySelectorAll("input")) radio.checked = radio.value === value;
    } else if (kind === "boolean") set.querySelector("input").checked = value === "true";
    else if (kind === "list") {
      for (const item of itemsOf(set)) item.remove();
      for (const itemValue of parseList(set, value)) addItem(set, itemValue);
    }
  }
}

/** A list from the fragment: comma-separated choices or numbers, or JSON for lists of objects. */
function parseList(set, text) {
  if (set.dataset.item !== "object") return text === "" ? [] : text.split(",");
  try {
    const list = JSON.parse(text);
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function clearInputs(form) {
  for (const set of form.querySelectorAll('fieldset[data-kind="list"]')) for (const item of itemsOf(set)) item.remove();
  for (const input of form.querySelectorAll("input")) {
    if (input.type === "radio" || input.type === "checkbox") input.checked = false;
    else input.value = "";
  }
}

function hasAnswers(form) {
  return fieldsOf(form).some(({ kind, set }) => {
    if (kind === "list") return itemsOf(set).length > 0;
    if (kind === "boolean") return set.querySelector("input").checked;
    if (kind === "choice") return !!set.querySelector("input:checked");
    const input = set.querySelector("input");
    return input.value !== "" || input.validity.badInput;
  });
}

/** Is the control an error names still empty (so the reader has not got to it yet)? */
function isBlank(form, field) {
  const controls = [...form.querySelectorAll(`[name="${CSS.escape(field)}"]`)];
  if (controls.length === 0) return false;
  if (controls[0].type === "radio") return !controls.some((c) => c.checked);
  if (controls[0].tagName === "SELECT") return controls[0].value === "";
  return controls[0].type === "number" && controls[0].value === "" && !controls[0].validity.badInput;
}

// ---------------------------------------------------------------- the link that reproduces inputs

function toFragment(form, inputs) {
  const params = new URLSearchParams();
  const itemKind = Object.fromEntries(fieldsOf(form).map((f) => [f.name, f.set.dataset.item]));
  for (const [name, value] of Object.entries(inputs)) {
    if (value === BAD_NUMBER) continue;
    if (Array.isArray(value)) params.set(name, itemKind[name] === "object" ? JSON.stringify(value) : value.join(","));
    else params.set(name, String(value));
  }
  return params.toString();
}

/** Field values from the address's fragment, only for fields this form has. */
function fromFragment(form) {
  const params = new URLSearchParams(location.hash.slice(1));
  const names = new Set(fieldsOf(form).map((f) => f.name));
  const values = {};
  for (const [name, value] of params) if (names.has(name)) values[name] = value;
  return values;
}

/** Put the inputs in the address, unless the reader has already moved to another page. */
function writeFragment(form, inputs, pathname) {
  const fragment = toFragment(form, inputs);
  if (location.pathname !== pathname || location.hash.slice(1) === fragment) return;
  const url = new URL(location.href);
  url.hash = fragment;
  history.replaceState(history.state, "", url);
}

function clearFragment() {
  if (!location.hash) return;
  const url = new URL(location.href);
  url.hash = "";
  history.replaceState(history.state, "", url.href.replace(/#$/, ""));
}

// ---------------------------------------------------------------- showing state, errors, results

const STATUS = {
  loading: "Starting Python in your browser. The first visit downloads about 13 MB; later visits use the cache.",
  ready: (python) => `Ready: Python ${python} is running in your browser. Nothing you enter leaves this page.`,
  error: (reason) => `The calculator could not start (${reason}). You can still score by hand with the scoring table below.`,
};

function setState(form, state, text) {
  form.dataset.calcState = state;
  const status = form.querySelector('[data-slot="status"]');
  status.replaceChildren(text);
  if (state === "error") {
    const link = document.createElement("a");
    link.href = `#calc-${form.dataset.calc}-scoring`;
    link.textContent = "Go to the scoring table";
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "md-button";
    retry.dataset.action = "retry";
    retry.textContent = "Try again";
    status.append(" ", link, " ", retry);
  }
}

function clearErrors(form) {
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    slot.hidden = true;
    slot.textContent = "";
  }
  for (const input of form.querySelectorAll('[aria-invalid="true"]')) input.removeAttribute("aria-invalid");
}

function showError(form, field, message) {
  let slot = null;
  for (let name = field; !slot; name = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "") {
    slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (name === "") break;
  }
  slot.textContent = message;
  slot.hidden = false;
  for (const input of form.querySelectorAll(`[name="${CSS.escape(field)}"]`)) input.setAttribute("aria-invalid", "true");
}

function outputOf(form) {
  return document.querySelector(`[data-calc-output="${CSS.escape(form.dataset.calc)}"]`);
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function clearResult(form, headline) {
  form.removeAttribute("data-calc-result");
  const out = outputOf(form);
  if (!out) return;
  out.querySelector('[data-slot="headline"]').textContent = headline;
  showChart(out, undefined);
  out.querySelector(".calc-result__tabs").hidden = true;
  out.querySelector(".calc-result__actions").hidden = true;
  out.querySelector('[data-slot="warnings"]').replaceChildren();
  out.querySelector('[data-slot="action-status"]').textContent = "";
}

function breakdownTable(result) {
  const table = el("table");
  table.append(el("caption", "How the result is made up"));
  const head = el("tr");
  for (const title of ["Item", "Answer", result.value_label, "Source (confidence)"]) head.append(el("th", title, { scope: "col" }));
  table.append(el("thead"));
  table.tHead.append(head);
  const body = el("tbody");
  const shortOf = Object.fromEntries(result.sources.map((s) => [s.key, s.short]));
  for (const row of result.details) {
    const tr = el("tr");
    tr.append(el("th", row.label, { scope: "row" }), el("td", row.answer), el("td", String(row.value)));
    tr.append(el("td", `${row.sources.map((k) => shortOf[k] ?? k).join(", ")} (${row.confidence})`));
    body.append(tr);
  }
  table.append(body);
  return table;
}

function sourceList(result) {
  const list = el("ul", undefined, { class: "calc-sources" });
  for (const source of result.sources) {
    const item = el("li", `${source.citation} `);
    if (source.doi) item.append(el("a", `doi:${source.doi}`, { href: `https://doi.org/${source.doi}` }));
    list.append(item);
  }
  return list;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element from the result's own markup, or null if it is not plain, script-free SVG. */
function importSvg(markup) {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== "svg") return null;
  for (const node of [root, ...root.querySelectorAll("*")]) {
    if (node.namespaceURI !== SVG_NS || ["script", "foreignObject", "parsererror"].includes(node.localName)) return null;
    if ([...node.attributes].some((a) => /^on|href$/i.test(a.name))) return null;
  }
  return document.importNode(root, true);
}

/** Show a result's chart (`chart_svg`, drawn by the Python from numbers) or hide the slot. */
function showChart(out, markup) {
  const slot = out.querySelector('[data-slot="chart"]');
  if (!slot) return;
  const svg = markup ? importSvg(markup) : null;
  slot.replaceChildren(...(svg ? [svg] : []));
  slot.hidden = !svg;
}

function showResult(form, text) {
  const result = JSON.parse(text);
  form.dataset.calcResult = text;
  const out = outputOf(form);
  if (!out) return;
  out.querySelector('[data-slot="headline"]').textContent = result.headline;
  showChart(out, result.chart_svg);
  const clinical = out.querySelector('[data-slot="clinical"]');
  clinical.replaceChildren(el("p", result.interpretation.clinical), breakdownTable(result), el("p", "Sources:"), sourceList(result));
  out.querySelector('[data-slot="plain"]').replaceChildren(el("p", result.interpretation.plain));
  const warnings = out.querySelector('[data-slot="warnings"]');
  warnings.replaceChildren(
    ...result.warnings.map((text) => {
      const box = el("div", undefined, { class: "admonition warning" });
      box.append(el("p", "Please note", { class: "admonition-title" }), el("p", text));
      return box;
    }),
  );
  if (result.disagreements?.length) {
    const box = el("div", undefined, { class: "admonition info calc-disagreements" });
    const list = el("ul");
    list.append(...result.disagreements.map((text) => el("li", text)));
    box.append(el("p", "Where they disagree, and why", { class: "admonition-title" }), list);
    warnings.append(box);
  }
  out.querySelector(".calc-result__tabs").hidden = false;
  out.querySelector(".calc-result__actions").hidden = false;
}

/** The result as plain text, for pasting into notes or slides. */
function resultAsText(form) {
  const result = JSON.parse(form.dataset.calcResult);
  const lines = [`${form.querySelector(".calc-form__title strong").textContent} (calculator version ${result.version})`, result.headline, ""];
  for (const row of result.details) lines.push(`- ${row.label}: ${row.answer} = ${row.value}`);
  lines.push("", result.interpretation.clinical, "", result.interpretation.plain);
  for (const warning of result.warnings) lines.push("", `Note: ${warning}`);
  for (const note of result.disagreements ?? []) lines.push(`- ${note}`);
  lines.push("", "Sources:", ...result.sources.map((s) => `- ${s.citation}${s.doi ? ` doi:${s.doi}` : ""}`));
  lines.push("", `Link: ${location.href}`, "This is not a diagnosis or a treatment decision.");
  return lines.join("\n");
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

// ---------------------------------------------------------------- one mounted form

function mount(form) {
  let active = true;
  let seq = 0;
  const calc = form.dataset.calc;
  const out = outputOf(form);
  const pathname = location.pathname;

  /** Start Python unless it already runs; after a failure only "Try again" (`retry`) restarts it. */
  async function ensureStarted(retry = false) {
    if (form.dataset.calcState === "ready") return true;
    if (form.dataset.calcState === "error" && !retry) return false;
    if (form.dataset.calcState !== "loading") setState(form, "loading", STATUS.loading);
    try {
      const { python } = await startPython();
      if (active) setState(form, "ready", STATUS.ready(python));
      return active;
    } catch (error) {
      if (active) setState(form, "error", STATUS.error(error.message));
      return false;
    }
  }

  /** Ask Python for the result; `explicit` means the reader asked (submit), so report blanks too. */
  async function compute(explicit) {
    const mine = ++seq;
    const inputs = collect(form);
    if (!explicit && !hasAnswers(form)) {
      clearErrors(form);
      clearResult(form, "The result appears here once the form is complete.");
      return;
    }
    if (!(await ensureStarted()) || mine !== seq) return;
    let value;
    try {
      value = await runPython(calc, inputs);
    } catch (error) {
      if (active && mine === seq) setState(form, "error", STATUS.error(error.message));
      return;
    }
    if (!active || mine !== seq) return;
    clearErrors(form);
    if (value.exit === 0) {
      showResult(form, value.text);
      writeFragment(form, inputs, pathname);
      return;
    }
    const { field, message } = JSON.parse(value.text).error;
    if (isBlank(form, field) && !explicit) {
      const label = form.querySelector(`fieldset[data-field="${CSS.escape(field)}"] legend`);
      clearResult(form, label ? `Answer “${label.textContent}” to see the result.` : "Complete the form to see the result.");
    } else {
      showError(form, field, message);
      clearResult(form, "No result: please check the highlighted answer.");
    }
  }

  function restore() {
    const values = fromFragment(form);
    if (Object.keys(values).length === 0) return false;
    clearInputs(form);
    apply(form, values);
    compute(false);
    return true;
  }

  const onStart = () => void ensureStarted();
  const onChange = () => void compute(false);
  const onSubmit = (event) => {
    event.preventDefault();
    compute(true);
  };
  const onReset = () =>
    setTimeout(() => {
      if (!active) return;
      seq++;
      clearErrors(form);
      clearResult(form, "The result appears here once the form is complete.");
      clearFragment();
    });
  const onClick = (event) => {
    const listButton = event.target.closest("[data-list]");
    if (listButton) {
      if (editList(listButton)) compute(false);
      return;
    }
    if (!event.target.closest('[data-action="retry"]')) return;
    ensureStarted(true).then((ok) => ok && compute(false));
  };
  const onAction = async (event) => {
    const button = event.target.closest("[data-action]");
    if (!button || !form.dataset.calcResult) return;
    const status = out.querySelector('[data-slot="action-status"]');
    if (button.dataset.action === "print") return window.print();
    const text = button.dataset.action === "copy-link" ? location.href : resultAsText(form);
    const ok = await copyText(text);
    status.textContent = ok ? (button.dataset.action === "copy-link" ? "Link copied." : "Result copied.") : "Copying failed: select the text and copy it by hand.";
  };
  const onHistory = () => {
    const values = fromFragment(form);
    if (new URLSearchParams(values).toString() !== toFragment(form, collect(form))) {
      if (!restore()) {
        clearInputs(form);
        compute(false);
      }
    }
  };

  form.addEventListener("focusin", onStart);
  form.addEventListener("pointerdown", onStart);
  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", onSubmit);
  form.addEventListener("reset", onReset);
  form.addEventListener("click", onClick);
  out?.addEventListener("click", onAction);
  window.addEventListener("popstate", onHistory);
  window.addEventListener("hashchange", onHistory);

  if (!restore() && fastConnection()) whenIdle(() => active && ensureStarted());

  return () => {
    active = false;
    form.removeEventListener("focusin", onStart);
    form.removeEventListener("pointerdown", onStart);
    form.removeEventListener("input", onChange);
    form.removeEventListener("change", onChange);
    form.removeEventListener("submit", onSubmit);
    form.removeEventListener("reset", onReset);
    form.removeEventListener("click", onClick);
    out?.removeEventListener("click", onAction);
    window.removeEventListener("popstate", onHistory);
    window.removeEventListener("hashchange", onHistory);
  };
}

function fastConnection() {
  const connection = navigator.connection;
  return !!connection && !connection.saveData && connection.effectiveType === "4g";
}

function whenIdle(callback) {
  if ("requestIdleCallback" in window) requestIdleCallback(callback, { timeout: 5000 });
  else setTimeout(callback, 2000);
}

// ---------------------------------------------------------------- printing and page lifecycle

/** Open every collapsible note while printing, so the printout has the help text too. */
function openDetailsForPrint() {
  const closed = [...document.querySelectorAll("details:not([open])")];
  for (const details of closed) details.open = true;
  window.addEventListener("afterprint", () => closed.forEach((d) => (d.open = false)), { once: true });
}
window.addEventListener("beforeprint", openDetailsForPrint);

let teardowns = [];
function mountAll() {
  for (const teardown of teardowns) teardown();
  teardowns = [...document.querySelectorAll("form[data-calc]")].map(mount);
}

// Material re-renders the page on instant navigation and announces it on `document$`.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
