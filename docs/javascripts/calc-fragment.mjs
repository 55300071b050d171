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
 * @typedef {{ answers: Map<string, any>, notes: Map<string, string>, readable: boolean,
 *   unknown: string[] }} Reading
 *   `answers`: checked values by field name; `notes`: messages by field ("" for the whole form);
 *   `readable` is false when the link is too long to be read at all; `unknown`: up to
 *   UNKNOWN_SHOWN names in the link that are no field of this form (a typo, another form's field).
 */

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const UNKNOWN_SHOWN = 3;
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

/** The spellings of yes and no a person may write in a link, in any case. */
const YES = new Set(["true", "yes", "y", "1", "on"]);
const NO = new Set(["false", "no", "n", "0", "off"]);

/** A boolean from a link's text (true/false, yes/no, 1/0, on/off, any case), or undefined. */
export function readBoolean(text) {
  const plain = ["string", "number", "boolean"].includes(typeof text); // never an object's toString
  const word = plain ? String(text).trim().toLowerCase() : "";
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** The choice a link's text names, whatever its case (values are lower-case words), or undefined. */
export function readChoice(choices, text) {
  if (typeof text !== "string") return undefined;
  const word = text.trim().toLowerCase();
  return choices.find((choice) => choice.toLowerCase() === word);
}

function readScalar(spec, text) {
  if (spec.kind === "choice") {
    const value = readChoice(spec.choices, text);
    if (value !== undefined) return { value };
    return { note: `The link's answer ${quote(text)} is not one of the choices, so none is chosen.` };
  }
  if (spec.kind === "boolean") {
    const value = readBoolean(text);
    if (value !== undefined) return { value };
    return { note: `The link's answer ${quote(text)} is not yes or no, so the box is left unticked.` };
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
  const value = readChoice(spec.choices, raw);
  return value === undefined ? ["", false] : [value, true];
}

function readPart(part, raw) {
  if (part.type === "checkbox") return readBoolean(raw);
  if (part.type === "number") return raw === null ? "" : (numberText(raw) ?? undefined);
  return raw === "" ? raw : readChoice(part.choices, raw);
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
    return { answers, notes, readable: false, unknown: [] };
  }
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const unknown = new Set();
  for (const [name, text] of new URLSearchParams(fragment)) {
    const spec = byName.get(name);
    if (!spec) {
      if (unknown.size < UNKNOWN_SHOWN) unknown.add(name);
      continue;
    }
    if (spec.kind === "list") {
      answers.set(name, readList(spec, text, notes));
      continue;
    }
    const { value, note } = readScalar(spec, text);
    if (note) notes.set(name, note);
    else answers.set(name, value);
  }
  return { answers, notes, readable: true, unknown: [...unknown] };
}

/** A note for the whole form about names in a link that are no field of it. */
export function unknownNote(names) {
  if (names.length === 0) return "";
  const listed = names.map(quote).join(", ");
  return names.length === 1
    ? `The link's answer ${listed} is not a question of this calculator, so it was left out.`
    : `The link's answers ${listed} are not questions of this calculator, so they were left out.`;
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

/** This page's address with `fragment` (the answers) as its fragment: a link to these answers. */
export function linkTo(fragment) {
  const url = new URL(location.href);
  url.hash = fragment;
  return url.href;
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
