// One mounted form: listens to the reader, asks Python, shows the outcome, keeps the answers in
// the address. Every listener is tied to one AbortController, so a teardown is one abort().
import { announce, cancelAnnouncement } from "./calc-announce.mjs";
import { errorsOf, fastConnection, isReady, progress, runPython, startPython } from "./calc-client.mjs";
import {
  clearInputs,
  collect,
  describeFields,
  enableButtons,
  enableFilters,
  filterChoices,
  hasAnswers,
  isBlank,
  showMessage,
  writeAnswers,
} from "./calc-form.mjs";
import {
  anchorOf,
  currentFragment,
  isAboutForm,
  readAnswers,
  replaceFragment,
  toFragment,
  unknownNote,
} from "./calc-fragment.mjs";
import { editList } from "./calc-list.mjs";
import { focusField, inWords, problemText, problemsHeading, showProblems, summaryTarget } from "./calc-problems.mjs";
import { CAUSE, GONE } from "./calc-protocol.mjs";
import { clearResult, onResultAction, outputOf, showResult } from "./calc-render.mjs";
import { STATUS, setState, showProgress } from "./calc-status.mjs";

const HEADLINE = Object.freeze({
  empty: "The result appears here once the form is complete.",
  check: "No result: please check the highlighted answer.",
  python:
    "No result: the calculator met an error it did not expect with these answers. " +
    "Change an answer to try again, or score by hand with the scoring table below.",
  stopped: "No result: the calculator stopped before it could answer.",
});

/** How long after a click the address is checked (Material finishes its own moves first). */
const CLICK_SETTLE_MS = 300;
/** How long after a page is shown a link's form is brought into view (after Material's scroll). */
const PRESENT_DELAY_MS = 100;
/** An address change this soon after a click on a link came from that link. */
const LINK_CLICK_MS = 1000;

/**
 * The link the reader last followed, and when, kept across mounts: Material re-renders the page
 * for some same-page links, and a link that holds answers must still bring its form into view.
 * A link to a heading must not: the reader asked for the heading.
 */
let lastLink = { at: -Infinity, fragment: "" };
window.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[href]");
  if (link) lastLink = { at: performance.now(), fragment: new URL(link.href, location.href).hash.slice(1) };
}, { capture: true });

/** The reader has just followed a link whose fragment holds answers for this form. */
function followedAnswersLink(specs) {
  return performance.now() - lastLink.at < LINK_CLICK_MS && isAboutForm(lastLink.fragment, specs);
}

/**
 * The answers last put in the address, by page and calculator. Material sometimes re-renders the
 * page it is on (a same-page link): the new form gets its answers back from here.
 */
const remembered = new Map();

/**
 * @typedef {{ form: HTMLFormElement, out: Element | null, calc: string, pathname: string,
 *   key: string, specs: import("./calc-fragment.mjs").FieldSpec[], signal: AbortSignal,
 *   seq: number, notes: Map<string, string>, problems: [string, string][], answers: string,
 *   written: string, addressWrite: { done: boolean, run: () => void } | null,
 *   failed: "start" | "run" | null }} View
 *   `notes`: what a link could not fill in; `problems`: what Python found wrong when the reader
 *   asked for the result. Both stay until the reader changes the field they are about.
 *   `answers`: this form's answers as a fragment; `written`: the fragment this form last put in
 *   (or read from) the address; `addressWrite`: the write waiting for the next frame.
 */

/** Still mounted, and (when `mine` is given) still the latest computation? */
function live(view, mine) {
  return !view.signal.aborted && (mine === undefined || mine === view.seq);
}

/** Start Python unless it runs; after a failed start only "Try again" (`retry`) starts it again. */
async function ensureStarted(view, retry = false) {
  const { form } = view;
  if (view.failed === "start" && !retry) return false;
  if (!isReady() && form.dataset.calcState !== "loading") setState(form, "loading", STATUS.starting);
  try {
    const { python } = await startPython({ retry });
    if (!live(view)) return false;
    view.failed = null;
    if (form.dataset.calcState !== "ready") setState(form, "ready", STATUS.ready(python));
    return true;
  } catch (error) {
    if (live(view)) {
      view.failed = "start";
      const updated = GONE.test(error.message); // this release's files are gone from the server
      const text = updated ? STATUS.updated : STATUS.startFailed(error.message);
      setState(form, "error", text, updated ? "reload" : "retry");
      announce(form, text, { now: true });
    }
    return false;
  }
}

/** Messages about the link and the last "Show the result" stay until their answer changes. */
function showNotes(view) {
  showProblems(view.form, [...view.notes, ...view.problems]);
}

/** Is `field` (dotted) inside the top-level field `top`, or about the whole form? */
function within(field, top) {
  return field === "" || field.split(".")[0] === top;
}

/** The reader changed something in the field around `node`: its notes (and the form's) go. */
function dropNotes(view, node) {
  const field = node.closest?.("fieldset[data-field]")?.dataset.field;
  const before = view.notes.size + view.problems.length;
  for (const key of view.notes.keys()) if (within(key, field)) view.notes.delete(key);
  view.problems = view.problems.filter(([key]) => !within(key, field));
  if (view.notes.size + view.problems.length !== before) showNotes(view);
}

/**
 * Keep `fragment` as the answers of this form, in the address and for a re-render. Answers that
 * a link has just put in the address win over a computation that finished meanwhile (a field's
 * change event fires as the link takes the focus): onAddress restores them next.
 */
function rememberAnswers(view, fragment) {
  if (location.pathname !== view.pathname) return;
  const current = currentFragment();
  if (current !== view.written && current !== fragment && isAboutForm(current, view.specs)) return;
  view.answers = fragment;
  if (fragment) remembered.set(view.key, fragment);
  else remembered.delete(view.key);
  writeAddressSoon(view);
}

/**
 * Put the answers in the address once the result is on screen: the browser takes a few
 * milliseconds to change the address, which must not delay the result. One write per frame, of
 * the latest answers. A click writes at once (the reader may be leaving by a link, and the entry
 * left behind must hold the answers), and so does hiding the page; an address someone else
 * changed meanwhile (Back, a link) is left to onAddress, which cancels the write.
 */
function writeAddressSoon(view) {
  if (view.addressWrite) return;
  const write = {
    done: false,
    run() {
      if (write.done) return;
      write.done = true;
      view.addressWrite = null;
      if (!live(view) || location.pathname !== view.pathname) return;
      const current = currentFragment();
      if (current !== view.written && isAboutForm(current, view.specs)) return;
      if (current !== view.answers) writeAddress(view, view.answers);
    },
  };
  view.addressWrite = write;
  requestAnimationFrame(() => setTimeout(write.run));
}

/** Write a waiting address change now. */
function flushAddressWrite(view) {
  view.addressWrite?.run();
}

function cancelAddressWrite(view) {
  if (view.addressWrite) view.addressWrite.done = true;
  view.addressWrite = null;
}

function writeAddress(view, fragment) {
  replaceFragment(fragment);
  view.written = fragment;
}

function showFailure(view, error) {
  showNotes(view);
  if (error.cause === CAUSE.PYTHON) {
    clearResult(view.form, HEADLINE.python);
    announce(view.form, HEADLINE.python, { now: true });
    return;
  }
  view.failed = "run";
  clearResult(view.form, HEADLINE.stopped);
  setState(view.form, "error", STATUS.stopped(error.message));
  announce(view.form, STATUS.stopped(error.message), { now: true });
}

/** The `{field, message}` of an invalid-input reply, or an empty object if it has none. */
function errorOf(text) {
  try {
    const { error } = JSON.parse(text);
    return typeof error?.field === "string" ? error : {};
  } catch {
    return {};
  }
}

function showOutcome(view, value, inputs, explicit) {
  const { form } = view;
  showNotes(view);
  if (value.exit === 0) {
    showResult(form, value.text);
    announce(form, JSON.parse(value.text).headline, { now: explicit });
    rememberAnswers(view, toFragment(inputs, view.specs));
    return;
  }
  const { field, message: said } = errorOf(value.text);
  const message = field === undefined ? said : inWords(form, field, said);
  if (field === undefined) {
    clearResult(form, HEADLINE.python);
    announce(form, HEADLINE.python, { now: explicit });
    return;
  }
  if (!explicit && isBlank(form, field)) {
    const label = form.querySelector(`fieldset[data-field="${CSS.escape(field)}"] legend`);
    const prompt = label ? `Answer “${label.textContent}” to see the result.` : "Complete the form to see the result.";
    clearResult(form, prompt);
    cancelAnnouncement(form);
    return;
  }
  if (!view.problems.some(([f, m]) => f === field && m === message)) showMessage(form, field, message);
  clearResult(form, HEADLINE.check);
  announce(form, problemText(form, field, message), { now: explicit });
}

/**
 * The reader asked for the result: show every problem with the answers at once, with the
 * summary at the top of the form, and move there. True when there were any, or when the worker
 * failed (reported here).
 */
async function checkAll(view, inputs, mine) {
  let found;
  try {
    found = await errorsOf(view.calc, inputs);
  } catch (error) {
    if (error.cause === CAUSE.PYTHON || error instanceof SyntaxError) return false; // the run reports
    if (live(view, mine)) showFailure(view, error); // the worker is gone: say so, as a run would
    return true;
  }
  if (!live(view, mine) || !Array.isArray(found) || found.length === 0) return false;
  view.problems = found.map(({ field, message }) => [String(field), inWords(view.form, String(field), String(message))]);
  showNotes(view);
  clearResult(view.form, HEADLINE.check);
  const summary = view.form.querySelector('[data-slot="summary"]');
  const listed = view.problems.filter(([field]) => field !== "");
  const heading = listed.length ? problemsHeading(listed.length) : HEADLINE.check;
  const words = view.problems.map(([field, message]) => problemText(view.form, field, message));
  if (summary && !summary.hidden) summary.focus();
  announce(view.form, [heading, ...words].join(" "), { now: true });
  return true;
}

/** Ask Python for the result; `explicit` means the reader asked (submit), so report blanks too. */
async function compute(view, explicit) {
  const mine = ++view.seq;
  if (!explicit && !hasAnswers(view.form)) {
    showNotes(view);
    clearResult(view.form, HEADLINE.empty);
    return;
  }
  if (!(await ensureStarted(view)) || !live(view, mine)) return;
  const inputs = collect(view.form);
  if (explicit) {
    view.problems = [];
    if (await checkAll(view, inputs, mine)) return;
    if (!live(view, mine)) return;
  }
  let value;
  try {
    value = await runPython(view.calc, inputs);
  } catch (error) {
    if (live(view, mine)) showFailure(view, error);
    return;
  }
  if (live(view, mine)) showOutcome(view, value, inputs, explicit);
}

/**
 * A link has just filled the form: bring it into view below the header and move the focus to it,
 * to the summary when the link held answers that could not be read, or else to the first field.
 */
function present(view) {
  const { form } = view;
  const summary = form.querySelector('[data-slot="summary"]');
  const first = form.querySelector("fieldset[data-field]");
  // In a radio group the chosen answer takes the focus, as the arrow keys expect.
  const control = first?.querySelector("input[type=radio]:checked") ?? first?.querySelector(":is(input[name], select[name])");
  const target = summary && !summary.hidden ? summary : control;
  form.querySelector(".calc-form__title")?.scrollIntoView({ block: "start" });
  target?.focus({ preventScroll: true });
}

/** Fill the form from a link's fragment (checked, bounded) and compute. */
function restore(view, fragment) {
  const { answers, notes, readable, unknown } = readAnswers(fragment, view.specs);
  if (unknown.length) notes.set("", [notes.get(""), unknownNote(unknown)].filter(Boolean).join(" "));
  view.notes = notes;
  if (!readable) {
    showNotes(view);
    return;
  }
  clearInputs(view.form);
  writeAnswers(view.form, answers);
  showNotes(view);
  view.answers = fragment;
  view.written = fragment;
  if (answers.size > 0) remembered.set(view.key, fragment);
  compute(view, false);
}

/**
 * The address changed (Back, Forward, a link, a tab label). New answers for this form are
 * restored; any other fragment (a heading, the scoring table, a tab) gives way to the answers,
 * without a new history entry, so the reader never loses them. After a click (`afterClick`) the
 * browser may not have scrolled to the place the link names (Material moves the address with
 * pushState): scroll there first.
 */
function onAddress(view, afterClick = false) {
  if (!live(view) || location.pathname !== view.pathname) return;
  const fragment = currentFragment();
  if (fragment === view.answers) return;
  // The answers this form last wrote, older than the reader's latest only because their write
  // waits for a frame: nobody changed the address, and restoring it would undo what the reader
  // did meanwhile (a click 300 ms earlier looking again while results came in).
  if (fragment === view.written && fragment) return;
  if (isAboutForm(fragment, view.specs)) {
    restore(view, fragment);
    if (afterClick || followedAnswersLink(view.specs)) present(view);
    return;
  }
  if (!view.answers || !hasAnswers(view.form)) return;
  if (afterClick) anchorOf(fragment)?.scrollIntoView();
  writeAddress(view, view.answers);
}

function onReset(view) {
  view.seq++;
  clearInputs(view.form); // the browser's reset leaves list items in place
  view.notes.clear();
  view.problems = [];
  showNotes(view);
  cancelAnnouncement(view.form);
  clearResult(view.form, HEADLINE.empty);
  rememberAnswers(view, "");
}

function onClick(view, event) {
  const field = summaryTarget(event);
  if (field !== undefined) {
    event.preventDefault();
    event.stopPropagation(); // Material's instant navigation would move the address and the focus
    focusField(view.form, field);
    return;
  }
  const listButton = event.target.closest("[data-list]");
  if (listButton) {
    if (editList(listButton)) {
      dropNotes(view, listButton);
      compute(view, false);
    }
    return;
  }
  if (event.target.closest('[data-action="retry"]')) {
    ensureStarted(view, true).then((ok) => ok && compute(view, false));
  }
  if (event.target.closest('[data-action="reload"]')) window.location.reload();
}

function onProgress(view, { detail }) {
  if (view.form.dataset.calcState !== "loading") return;
  if (detail.loaded !== undefined) showProgress(view.form, detail.loaded, detail.total);
  else if (detail.step === "starting") setState(view.form, "loading", STATUS.starting);
}

function listen(view) {
  const { form, out, signal } = view;
  const start = () => void ensureStarted(view);
  const edit = (event) => {
    if (event.target.closest('[data-slot="filter"]')) {
      filterChoices(event.target);
      return;
    }
    dropNotes(view, event.target);
    compute(view, false);
  };
  form.addEventListener("focusin", start, { signal });
  form.addEventListener("pointerdown", start, { signal });
  form.addEventListener("input", edit, { signal });
  form.addEventListener("change", edit, { signal });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    compute(view, true);
  }, { signal });
  form.addEventListener("reset", () => setTimeout(() => live(view) && onReset(view)), { signal });
  form.addEventListener("click", (event) => onClick(view, event), { signal });
  out?.addEventListener("click", (event) => onResultAction(form, event.target), { signal });
  // Someone else changed the address: a write of older answers must not overwrite it.
  const changed = () => {
    cancelAddressWrite(view);
    onAddress(view);
  };
  window.addEventListener("popstate", changed, { signal });
  window.addEventListener("hashchange", changed, { signal });
  // A link or tab label may change the address without an event (Material uses pushState and
  // replaceState): look again once the click's handlers, and any scrolling they start, are done.
  const afterClick = () => {
    flushAddressWrite(view);
    setTimeout(() => onAddress(view, true), CLICK_SETTLE_MS);
  };
  window.addEventListener("click", afterClick, { capture: true, signal });
  document.addEventListener("visibilitychange", () => document.hidden && flushAddressWrite(view), { signal });
  window.addEventListener("pagehide", () => flushAddressWrite(view), { signal });
  progress.addEventListener("progress", (event) => onProgress(view, event), { signal });
}

/**
 * Bring one form to life; returns its teardown. `samePage` says the previous mount was of this
 * same page (Material re-rendered it), so remembered answers come back if the address lost them.
 */
export function mount(form, { samePage = false } = {}) {
  const controller = new AbortController();
  /** @type {View} */
  const view = {
    form,
    out: outputOf(form),
    calc: form.dataset.calc,
    pathname: location.pathname,
    key: `${location.pathname}|${form.dataset.calc}`,
    specs: describeFields(form),
    signal: controller.signal,
    seq: 0,
    notes: new Map(),
    problems: [],
    answers: "",
    written: "",
    addressWrite: null,
    failed: null,
  };
  enableButtons(form);
  enableFilters(form);
  listen(view);
  const fragment = currentFragment();
  if (isAboutForm(fragment, view.specs)) {
    restore(view, fragment);
    // After Material's own scrolling for the page it has just shown.
    if (!samePage || followedAnswersLink(view.specs)) setTimeout(() => live(view) && present(view), PRESENT_DELAY_MS);
  } else if (samePage && remembered.has(view.key)) {
    restore(view, remembered.get(view.key));
    setTimeout(() => onAddress(view));
  } else if (hasAnswers(form)) compute(view, false); // typed (or restored) before the script ran
  else if (isReady()) ensureStarted(view);
  // On a fast line Python starts as soon as the page is shown (the worker fetches the wasm at
  // once); with Save-Data or a slow line it waits for the reader's first answer.
  else if (fastConnection()) ensureStarted(view);
  return () => controller.abort();
}
