// The message protocol between the page script (calc.mjs) and the Python worker (calc-worker.mjs).
// Both sides import these names, so a kind is spelled in one place.

/** Kinds of request the worker understands. */
export const KIND = Object.freeze({
  START: "start", // load Pyodide and the calculators; replies once ready
  RUN: "run", // run one calculator on one set of inputs
});

/**
 * @typedef {{ id: number, kind: "start" }} StartRequest
 * @typedef {{ id: number, kind: "run", calc: string, inputs: string }} RunRequest
 *   `inputs` is JSON text, passed to Python unchanged.
 * @typedef {StartRequest | RunRequest} Request
 *
 * @typedef {{ text: string, exit: number }} RunValue
 *   `text` is exactly what `python -m trdcalc run` prints; `exit` is its exit code (0 or 2).
 * @typedef {{ id: number, ok: true, value: RunValue | { python: string } }} OkReply
 * @typedef {{ id: number, ok: false, error: string }} ErrorReply
 * @typedef {OkReply | ErrorReply} Reply
 */

/** @returns {ErrorReply} */
export function errorReply(id, error) {
  return { id, ok: false, error: String(error && error.message ? error.message : error) };
}
