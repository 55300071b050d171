// Showing a result: headline, chart, the two reading levels, warnings, and the result as text.
// Everything is written with textContent or built element by element, never as HTML.
import { announce } from "./calc-announce.mjs";
import { collect, describeFields } from "./calc-form.mjs";
import { linkTo, toFragment } from "./calc-fragment.mjs";
import { chartFromMarkup } from "./calc-svg.mjs";

/** The result panel of a form (it sits after the form, outside it). */
export function outputOf(form) {
  return document.querySelector(`[data-calc-output="${CSS.escape(form.dataset.calc)}"]`);
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

/** Forget the shown result and put `headline` in its place. */
export function clearResult(form, headline) {
  form.removeAttribute("data-calc-result");
  const out = outputOf(form);
  if (!out) return;
  out.querySelector('[data-slot="headline"]').textContent = headline;
  showChart(out, undefined);
  out.querySelector(".calc-result__tabs").hidden = true;
  out.querySelector('[data-slot="clinical"]').replaceChildren();
  out.querySelector('[data-slot="plain"]').replaceChildren();
  out.querySelector(".calc-result__actions").hidden = true;
  out.querySelector('[data-slot="warnings"]').replaceChildren();
  out.querySelector('[data-slot="action-status"]').textContent = "";
}

function breakdownTable(result) {
  const table = el("table");
  table.append(el("caption", "How the result is made up"));
  const head = el("tr");
  for (const title of ["Item", "Answer", result.value_label, "Source (confidence)"]) {
    head.append(el("th", title, { scope: "col" }));
  }
  table.append(el("thead"));
  table.tHead.append(head);
  const body = el("tbody");
  const shortOf = new Map(result.sources.map((s) => [s.key, s.short]));
  for (const row of result.details) {
    const tr = el("tr");
    tr.append(el("th", row.label, { scope: "row" }), el("td", row.answer), el("td", String(row.value)));
    tr.append(el("td", `${row.sources.map((k) => shortOf.get(k) ?? k).join(", ")} (${row.confidence})`));
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

/** Show a result's chart or hide the slot (no chart, or markup that is not an SVG). */
function showChart(out, markup) {
  const slot = out.querySelector('[data-slot="chart"]');
  if (!slot) return;
  const svg = markup ? chartFromMarkup(markup) : null;
  slot.replaceChildren(...(svg ? [svg] : []));
  slot.hidden = !svg;
}

function notes(result) {
  const boxes = result.warnings.map((text) => {
    const box = el("div", undefined, { class: "admonition warning" });
    box.append(el("p", "Please note", { class: "admonition-title" }), el("p", text));
    return box;
  });
  if (result.disagreements?.length) {
    const box = el("div", undefined, { class: "admonition info calc-disagreements" });
    const list = el("ul");
    list.append(...result.disagreements.map((text) => el("li", text)));
    box.append(el("p", "Where they disagree, and why", { class: "admonition-title" }), list);
    boxes.push(box);
  }
  return boxes;
}

/** Show the result `text` (the CLI's JSON) and keep it, unchanged, in data-calc-result. */
export function showResult(form, text) {
  const out = outputOf(form);
  // The same result again (a field's change event after its input event): nothing to redraw.
  if (form.dataset.calcResult === text) return;
  const result = JSON.parse(text);
  form.dataset.calcResult = text;
  if (!out) return;
  out.querySelector('[data-slot="headline"]').textContent = result.headline;
  showChart(out, result.chart_svg);
  const clinical = out.querySelector('[data-slot="clinical"]');
  clinical.replaceChildren(
    el("p", result.interpretation.clinical),
    breakdownTable(result),
    el("p", "Sources:"),
    sourceList(result),
  );
  out.querySelector('[data-slot="plain"]').replaceChildren(el("p", result.interpretation.plain));
  out.querySelector('[data-slot="warnings"]').replaceChildren(...notes(result));
  out.querySelector(".calc-result__tabs").hidden = false;
  out.querySelector(".calc-result__actions").hidden = false;
}

/**
 * The link to the answers in the form now, built from its inputs: the address bar may hold
 * something else (a heading or tab the reader went to, a link not yet restored).
 */
export function answersLink(form) {
  return linkTo(toFragment(collect(form), describeFields(form)));
}

/** The result as plain text, for pasting into notes or slides. */
function resultAsText(form) {
  const result = JSON.parse(form.dataset.calcResult);
  const title = form.querySelector(".calc-form__title strong").textContent;
  const lines = [`${title} (calculator version ${result.version})`, result.headline, ""];
  for (const row of result.details) lines.push(`- ${row.label}: ${row.answer} = ${row.value}`);
  lines.push("", result.interpretation.clinical, "", result.interpretation.plain);
  for (const warning of result.warnings) lines.push("", `Note: ${warning}`);
  for (const note of result.disagreements ?? []) lines.push(`- ${note}`);
  lines.push("", "Sources:", ...result.sources.map((s) => `- ${s.citation}${s.doi ? ` doi:${s.doi}` : ""}`));
  lines.push("", `Link: ${answersLink(form)}`, "This is not a diagnosis or a treatment decision.");
  return lines.join("\n");
}

/** Copy text to the clipboard; true when it worked. */
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

/** The result's buttons: copy it as text, copy the link, print. */
export async function onResultAction(form, target) {
  const button = target.closest("[data-action]");
  if (!button || !form.dataset.calcResult) return;
  const action = button.dataset.action;
  if (action === "print") return window.print();
  const ok = await copyText(action === "copy-link" ? answersLink(form) : resultAsText(form));
  const done = action === "copy-link" ? "Link copied." : "Result copied.";
  const said = ok ? done : "Copying failed: select the text and copy it by hand.";
  outputOf(form).querySelector('[data-slot="action-status"]').textContent = said;
  announce(form, said, { now: true });
}
