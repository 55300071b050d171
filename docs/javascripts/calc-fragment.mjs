// The link that reproduces a set of answers: the address's fragment, for example
// `#duration_months=25&severity=severe`; a list of choices or numbers is comma-separated, a list
// of objects is JSON. A link is text from anywhere, so reading one is bounded (length and list
// size), linear in its length, never throws, and checks every value against what the form
// accepts; whatever cannot be read becomes a note for the field instead.

export const LIMITS = Object.freeze({ fragmentChars: 16_000, listItems: 50 });

/**
 * @typedef {{ name: string, kind: string, item: string, choices: string[],
 *   parts: { key: string, type: string, choices: string[] }[] }} FieldSpec
 *   From calc-form.mjs's describeFields: what each field (and each control of a list item) accepts.
 * @typedef {{ answers: Map<string, any>, notes: Map<string, string>, readable: boolean }} Reading
 *   `answers`: checked values by field name; `notes`: messages by field ("" for the whole form);
 *   `readable` is false when the link is too long to be read at all.
 */

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const UNREADABLE_ITEM = "The link's answer here could not be read, so it is left blank.";

function quote(text) {
  const shown = String(text);
  return `“${shown.length > 24 ? `${shown.slice(0, 23)}…` : shown}”`;
}

/** A number from the link as the text a number input takes, or null. */
function numberText(value) {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== "string") return null;
  return NUMBER.test(value.trim()) ? value.trim() : null;
}

function readScalar(spec, text) {
  if (spec.kind === "choice") {
    if (spec.choices.includes(text)) return { value: text };
    return { note: `The link's answer ${quote(text)} is not one of the choices, so none is chosen.` };
  }
  if (spec.kind === "boolean") {
    if (text === "true" || text === "false") return { value: text === "true" };
    return { note: `The link's answer ${quote(text)} is not true or false, so the box is left unticked.` };
  }
  const value = numberText(text);
  if (value !== null) return { value };
  return { note: `The link's answer ${quote(text)} is not a number, so it is left blank.` };
}

/** One item of a list of choices or numbers: its text, or "" and false when unreadable. */
function readSimpleItem(spec, raw) {
  if (raw === "" || raw === null) return ["", true];
  if (spec.item === "number") {
    const value = numberText(raw);
    return value === null ? ["", false] : [value, true];
  }
  return typeof raw === "string" && spec.choices.includes(raw) ? [raw, true] : ["", false];
}

function readPart(part, raw) {
  if (part.type === "checkbox") return typeof raw === "boolean" ? raw : undefined;
  if (part.type === "number") return raw === null ? "" : (numberText(raw) ?? undefined);
  if (typeof raw !== "string") return undefined;
  return raw === "" || part.choices.includes(raw) ? raw : undefined;
}

/** One item of a list of objects: the readable answers, and whether every answer was readable. */
function readObjectItem(spec, raw) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [{}, false];
  const value = {};
  let whole = true;
  for (const part of spec.parts) {
    if (!Object.hasOwn(raw, part.key)) continue;
    const answer = readPart(part, raw[part.key]);
    if (answer === undefined) whole = false;
    else value[part.key] = answer;
  }
  return [value, whole];
}

/** The raw items of a list from its text, at most one more than the limit; null if unreadable. */
function rawItems(spec, text) {
  if (spec.item !== "object") return text === "" ? [] : text.split(",", LIMITS.listItems + 1);
  try {
    const list = JSON.parse(text);
    return Array.isArray(list) ? list.slice(0, LIMITS.listItems + 1) : null;
  } catch {
    return null;
  }
}

function readList(spec, text, notes) {
  const raw = rawItems(spec, text);
  if (raw === null) {
    notes.set(spec.name, "The link's list for this answer could not be read, so it is left empty.");
    return [];
  }
  if (raw.length > LIMITS.listItems) {
    const n = LIMITS.listItems;
    notes.set(spec.name, `The link holds more than ${n} items; only the first ${n} are filled in.`);
    raw.length = LIMITS.listItems;
  }
  return raw.map((item, index) => {
    const read = spec.item === "object" ? readObjectItem : readSimpleItem;
    const [value, whole] = read(spec, item);
    if (!whole) notes.set(`${spec.name}.${index}`, UNREADABLE_ITEM);
    return value;
  });
}

/**
 * The answers a fragment holds for the fields in `specs` (other names are ignored).
 * @param {string} fragment the text after "#", still percent-encoded
 * @param {FieldSpec[]} specs
 * @returns {Reading}
 */
export function readAnswers(fragment, specs) {
  const answers = new Map();
  const notes = new Map();
  if (fragment.length > LIMITS.fragmentChars) {
    const size = `${fragment.length} characters; at most ${LIMITS.fragmentChars}`;
    notes.set("", `This link is too long to hold a set of answers (${size}), so nothing was filled in from it.`);
    return { answers, notes, readable: false };
  }
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  for (const [name, text] of new URLSearchParams(fragment)) {
    const spec = byName.get(name);
    if (!spec) continue;
    if (spec.kind === "list") {
      answers.set(name, readList(spec, text, notes));
      continue;
    }
    const { value, note } = readScalar(spec, text);
    if (note) notes.set(name, note);
    else answers.set(name, value);
  }
  return { answers, notes, readable: true };
}

/** Does the fragment speak to this form at all (an answer, or a link too long to read)? */
export function isAboutForm(fragment, specs) {
  if (fragment.length > LIMITS.fragmentChars) return true;
  const names = new Set(specs.map((spec) => spec.name));
  for (const name of new URLSearchParams(fragment).keys()) if (names.has(name)) return true;
  return false;
}

/** The fragment for a set of inputs (as calc-form.mjs's collect gives them). */
export function toFragment(inputs, specs) {
  const params = new URLSearchParams();
  const itemOf = new Map(specs.map((spec) => [spec.name, spec.item]));
  for (const [name, value] of Object.entries(inputs)) {
    if (!Array.isArray(value)) params.set(name, String(value));
    else if (itemOf.get(name) === "object") params.set(name, JSON.stringify(value));
    else params.set(name, value.map((item) => item ?? "").join(","));
  }
  return params.toString();
}

/** The current fragment, without "#". */
export function currentFragment() {
  return location.hash.slice(1);
}

/** Put `fragment` in the address without a new history entry ("" removes it). */
export function replaceFragment(fragment) {
  const url = new URL(location.href);
  url.hash = fragment;
  history.replaceState(history.state, "", fragment ? url.href : url.href.replace(/#$/, ""));
}

/** The element a fragment names, if it is a place to scroll to (not a tab's hidden radio). */
export function anchorOf(fragment) {
  let target = null;
  try {
    target = fragment ? document.getElementById(decodeURIComponent(fragment)) : null;
  } catch {
    return null; // not a valid percent-encoding: no element has that id
  }
  return target && !target.matches("input, select, textarea") ? target : null;
}
