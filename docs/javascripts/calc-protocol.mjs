// The message protocol between the page (calc-client.mjs) and the Python worker (calc-worker.mjs).
// Both sides import these names, so a kind is spelled in one place.

/** Kinds of request the worker understands. */
export const KIND = Object.freeze({
  START: "start", // load Pyodide and the calculators; replies once ready
  RUN: "run", // run one calculator on one set of inputs
  ERRORS: "errors", // every problem with one set of inputs at once (a form's summary)
});

/** Kinds of message the worker sends back; every request gets exactly one OK or ERROR. */
export const REPLY = Object.freeze({
  OK: "ok",
  ERROR: "error",
  PROGRESS: "progress", // a sign of life while starting, zero or more before the OK or ERROR
});

/**
 * Every runtime file has a content-hashed name, so a server that answers 404 or 410 for one no
 * longer has this page's release: the site was updated since the page was loaded. Both sides write
 * a failed download as "NAME: HTTP STATUS" or "... HTTP STATUS"; the page tests messages with this.
 */
export const GONE = /\bHTTP (404|410)\b/;

/** A PROGRESS step that starts with this carries the bytes of the wasm the worker has so far. */
export const WASM_BYTES = "wasm-bytes:";

/** Why a request failed: the page recovers differently from each. */
export const CAUSE = Object.freeze({
  REQUEST: "request", // the message itself was wrong (unknown kind, run before start)
  START: "start", // Python or the calculators could not be loaded
  PYTHON: "python", // the calculator raised an exception; Python still works
  FATAL: "fatal", // Python has exited or crashed; this worker can compute nothing more
});

/**
 * @typedef {{ id: number, kind: "start", files?: Record<string, ArrayBuffer> }} StartRequest
 *   `files`: bytes the page already downloaded, by absolute URL; the worker never fetches these.
 * @typedef {{ id: number, kind: "run", calc: string, inputs: string }} RunRequest
 *   `inputs` is JSON text, passed to Python unchanged.
 * @typedef {{ id: number, kind: "errors", calc: string, inputs: string }} ErrorsRequest
 *   Like a run; the OK value is the text of `trdcalc.errors_json`: a JSON list of {field, message}.
 * @typedef {StartRequest | RunRequest | ErrorsRequest} Request
 *
 * @typedef {{ text: string, exit: number }} RunValue
 *   `text` is exactly what `python -m trdcalc run` prints; `exit` is its exit code (0 or 2).
 * @typedef {{ id: number, kind: "ok", value: RunValue | { python: string } | string }} OkReply
 * @typedef {{ id: number, kind: "error", cause: string, error: string }} ErrorReply
 *   `error` is one short line for a reader, never a traceback.
 * @typedef {{ id: number, kind: "progress", step: string }} ProgressReply
 * @typedef {OkReply | ErrorReply | ProgressReply} Reply
 */

/** @returns {OkReply} */
export function okReply(id, value) {
  return { id, kind: REPLY.OK, value };
}

/** @returns {ErrorReply} */
export function errorReply(id, cause, message) {
  return { id, kind: REPLY.ERROR, cause, error: oneLine(message) };
}

/** @returns {ProgressReply} */
export function progressReply(id, step) {
  return { id, kind: REPLY.PROGRESS, step };
}

/** The first line of a message, at most 160 characters: never a traceback. */
export function oneLine(message) {
  const line = String(message ?? "").trim().split("\n", 1)[0];
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
