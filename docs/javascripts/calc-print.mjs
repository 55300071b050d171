// A one-page printout of a calculator result: the page's title and crisis note, the reader's
// answers, the result with both reading levels and its sources, the link to these answers and a
// QR code of that link. The QR code is drawn here (qrcode-generator, copied from node_modules by
// the build): nothing is fetched.
//
// While a form shows a result, <html> carries data-calc-printing and the elements on the way to
// the result carry data-print-path / data-print-keep; print.css then hides everything else. The
// print blocks follow each result when the page is idle, and are rebuilt at once on `beforeprint`
// (the link is built from the form's answers, as "Copy link" does).
import { answersLink } from "./calc-render.mjs";
import qrcode from "./qrcode-generator.mjs";

const QUIET_ZONE = 4; // modules of white around the code, as the QR standard asks
const SVG = "http://www.w3.org/2000/svg";
/** At the latest this long after a result, the printout follows it, idle or not. */
const IDLE_TIMEOUT_MS = 1000;

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

/** The QR code drawn last, reused while the link is the same (a refresh redraws the blocks). */
let lastCode = { text: null, svg: null };

/** `text` as a QR code (inline SVG, black on white), or null if it is too long for one. */
export function qrSvg(text) {
  if (lastCode.text !== text) lastCode = { text, svg: drawQr(text) };
  return lastCode.svg?.cloneNode(true) ?? null;
}

function drawQr(text) {
  const code = qrcode(0, "M");
  try {
    code.addData(text, "Byte");
    code.make();
  } catch {
    return null;
  }
  const count = code.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  let path = "";
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (code.isDark(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("class", "calc-print__qr");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "QR code of the link to these answers");
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.dataset.modules = String(count);
  const back = document.createElementNS(SVG, "rect");
  for (const [key, value] of Object.entries({ width: size, height: size, fill: "#fff" })) back.setAttribute(key, value);
  const marks = document.createElementNS(SVG, "path");
  marks.setAttribute("d", path);
  marks.setAttribute("fill", "#000");
  svg.append(back, marks);
  return svg;
}

/** The text of a label without its points note. */
function labelText(label) {
  const copy = label.cloneNode(true);
  for (const note of copy.querySelectorAll(".calc-points")) note.remove();
  return copy.textContent.trim();
}

/** What one control says, in words: the chosen option, the number typed, ticked or not. */
function controlAnswer(control) {
  if (control.tagName === "SELECT") return control.value === "" ? "" : control.selectedOptions[0].textContent.trim();
  if (control.type === "checkbox") {
    const label = control.closest("label");
    return control.checked ? labelText(label) : "No (box not ticked)";
  }
  if (control.type === "number") {
    const label = control.labels?.[0]?.textContent.replace(/\s*\(.*\)\s*$/, "").trim();
    return control.value.trim() === "" ? "" : `${control.value}${label ? ` (${label.toLowerCase()})` : ""}`;
  }
  return "";
}

/** One field's answer in words ("" when unanswered). */
function fieldAnswer(set) {
  if (set.dataset.kind === "choice") {
    const chosen = set.querySelector("input:checked");
    return chosen ? labelText(chosen.closest("label")) : "";
  }
  if (set.dataset.kind === "list") {
    const items = [...set.querySelectorAll(":scope > .calc-list > li")];
    return items
      .map((item) => {
        const name = item.querySelector("legend")?.textContent.trim() ?? "";
        const parts = [...item.querySelectorAll("select, input")].map(controlAnswer).filter(Boolean);
        return `${name}: ${parts.join("; ") || "not answered"}`;
      })
      .join(" · ");
  }
  return controlAnswer(set.querySelector("select, input"));
}

/** The reader's answers as a definition list, in the order of the form. */
function answersBlock(form) {
  const block = el("div", undefined, { class: "calc-print calc-print__answers", "data-print": "answers" });
  block.append(el("p", "Your answers", { class: "calc-print__title" }));
  const list = el("dl");
  for (const set of form.querySelectorAll("fieldset[data-field]")) {
    const legend = set.querySelector(":scope > legend")?.textContent.trim() ?? set.dataset.field;
    list.append(el("dt", legend), el("dd", fieldAnswer(set) || "not answered"));
  }
  block.append(list);
  return block;
}

/**
 * The link to these answers, written out and, when printing (`withCode`), as a QR code: drawing
 * one takes tens of milliseconds, too long to do for every result nobody prints.
 */
function linkBlock(href, withCode) {
  const block = el("div", undefined, { class: "calc-print calc-print__link", "data-print": "link" });
  const text = el("div", undefined, { class: "calc-print__link-text" });
  text.append(
    el("p", "Link to this result", { class: "calc-print__title" }),
    el("p", href, { class: "calc-print__url", "data-print-url": "" }),
    el("p", "Open the link or scan the code to see these answers again; the calculator runs in the browser and sends nothing anywhere. This is not a diagnosis or a treatment decision."),
  );
  block.append(text);
  if (withCode) block.append(qrSvg(href) ?? el("p", "This link is too long for a QR code."));
  return block;
}

/** The form whose result the printout shows: the one changed last, else the first with a result. */
let lastForm = null;

function formToPrint() {
  if (lastForm?.isConnected && lastForm.dataset.calcResult) return lastForm;
  return document.querySelector("form[data-calc][data-calc-result]");
}

function clearMarks() {
  document.documentElement.removeAttribute("data-calc-printing");
  for (const node of document.querySelectorAll("[data-print-path], [data-print-keep]")) {
    node.removeAttribute("data-print-path");
    node.removeAttribute("data-print-keep");
  }
  for (const block of document.querySelectorAll("[data-print]")) block.remove();
}

/** Mark what the printout keeps: the result, the page title, the crisis note, and their way up. */
function markPath(out) {
  const article = out.closest("article") ?? document.body;
  for (const kept of [out, article.querySelector("h1"), article.querySelector(".crisis-note")]) {
    if (!kept) continue;
    kept.setAttribute("data-print-keep", "");
    for (let node = kept.parentElement; node && node !== document.body; node = node.parentElement) {
      node.setAttribute("data-print-path", "");
    }
  }
}

/**
 * Rebuild the print blocks for the current result (or remove them when there is none); with
 * `printing`, the link's QR code too.
 */
export function refreshPrintout({ printing = false } = {}) {
  clearMarks();
  const form = formToPrint();
  const out = form && document.querySelector(`[data-calc-output="${CSS.escape(form.dataset.calc)}"]`);
  if (!out) return;
  document.documentElement.setAttribute("data-calc-printing", form.dataset.calc);
  markPath(out);
  out.querySelector(".calc-result__title").after(answersBlock(form));
  out.append(linkBlock(answersLink(form), printing));
}

/**
 * Rebuild the printout when the main thread is idle: a result changes on every keystroke and must
 * not wait for it. Printing (`beforeprint`, or print media) rebuilds it at once, with its QR code,
 * so a printout is never stale.
 */
/** Cancels the refresh waiting for idle time (null when none waits). */
let cancelPending = null;
const printMedia = window.matchMedia("print");
/** Between `beforeprint` and `afterprint` the printout keeps its QR code whatever changes. */
let printRequested = false;

function isPrinting() {
  return printRequested || printMedia.matches;
}

function refreshWhenIdle() {
  if (cancelPending) return;
  const run = () => {
    cancelPending = null;
    refreshPrintout({ printing: isPrinting() });
  };
  if (window.requestIdleCallback) {
    const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    cancelPending = () => cancelIdleCallback(id);
  } else {
    const id = setTimeout(run, IDLE_TIMEOUT_MS);
    cancelPending = () => clearTimeout(id);
  }
}

function refreshForPrint() {
  cancelPending?.();
  cancelPending = null;
  refreshPrintout({ printing: true });
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    if (record.target.matches("form[data-calc]") && record.target.dataset.calcResult) lastForm = record.target;
  }
  refreshWhenIdle();
});
observer.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-calc-result"] });
window.addEventListener("beforeprint", () => {
  printRequested = true;
  refreshForPrint();
});
window.addEventListener("afterprint", () => (printRequested = false));
printMedia.addEventListener("change", (event) => event.matches && refreshForPrint());
if (window.document$) window.document$.subscribe(refreshWhenIdle);
