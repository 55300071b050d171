// The worker's message handler, apart from the worker itself so that Node can test it.
// Every request gets exactly one reply (OK or ERROR), whatever it holds; while Python starts,
// PROGRESS notices tell the page the worker is alive.
import { CAUSE, KIND, errorReply, okReply, progressReply } from "./calc-protocol.mjs";

const CAUSES = new Set(Object.values(CAUSE));
/** Background repeats of the reader's first run after a snapshot start (see warmUp). */
export const WARM_UP_RUNS = 60;

/**
 * @typedef {import("./calc-python.mjs").Calculators} Calculators
 * @typedef {(files: Map<string, ArrayBuffer | Blob>, notify: (step: string) => void) => Promise<Calculators>} Boot
 *   Loads Pyodide and the calculators, using `files` (bytes or Blobs by absolute URL) instead of
 *   fetching them, and calls `notify` after each step.
 */

/**
 * A handler `(message, post) => Promise<reply>`; `post` sends PROGRESS notices while starting.
 * A failed start may be asked again; after a FATAL error every run is refused at once.
 * @param {Boot} boot
 */
export function createHandler(boot) {
  let started = null;
  let fatal = null;
  let warming = false;

  /**
   * After a snapshot start the engine has not yet optimised Python's interpreter, and the first
   * 50 or so runs take about twice as long (p95 19 ms instead of 11 in the browser). Repeat the
   * reader's first valid run in the background, one run per task, so that a request waits for
   * one of them at most; their results are dropped, and a failure ends the warm-up.
   */
  function warmUp(calculators, calc, inputs) {
    warming = true;
    let left = WARM_UP_RUNS;
    const step = async () => {
      if (left-- <= 0 || fatal) return;
      try {
        await calculators.run(calc, inputs);
      } catch {
        return;
      }
      setTimeout(step);
    };
    setTimeout(step);
  }

  async function start(id, msg, post) {
    started ??= boot(filesOf(msg), (step) => post(progressReply(id, step))).catch((error) => {
      started = null;
      throw error;
    });
    const { python } = await started;
    return okReply(id, { python });
  }

  /** A RUN or an ERRORS request: `call` is the calculators' run or errors. */
  async function run(id, msg, call = "run") {
    if (!started) return errorReply(id, CAUSE.REQUEST, `${msg.kind} before start`);
    if (typeof msg.calc !== "string" || typeof msg.inputs !== "string") {
      return errorReply(id, CAUSE.REQUEST, `${msg.kind} needs calc and inputs as text`);
    }
    if (fatal) return errorReply(id, CAUSE.FATAL, fatal);
    const calculators = await started;
    try {
      const value = await calculators[call](msg.calc, msg.inputs);
      if (call === "run" && value.exit === 0 && calculators.coldCode && !warming) {
        warmUp(calculators, msg.calc, msg.inputs);
      }
      return okReply(id, value);
    } catch (error) {
      if (error.cause !== CAUSE.PYTHON) fatal = error.message || "Python stopped";
      throw error.cause === CAUSE.PYTHON ? error : new Error(fatal, { cause: CAUSE.FATAL });
    }
  }

  return async function handle(msg, post = () => {}) {
    const id = Number.isSafeInteger(msg?.id) ? msg.id : null;
    if (id === null) return errorReply(null, CAUSE.REQUEST, "a request needs a whole-number id");
    try {
      if (msg.kind === KIND.START) return await start(id, msg, post);
      if (msg.kind === KIND.RUN) return await run(id, msg);
      if (msg.kind === KIND.ERRORS) return await run(id, msg, "errors");
      return errorReply(id, CAUSE.REQUEST, `unknown message kind: ${String(msg.kind)}`);
    } catch (error) {
      const cause = CAUSES.has(error?.cause) ? error.cause : CAUSE.START;
      return errorReply(id, cause, error?.message ?? error);
    }
  };
}

/** Bytes or a Blob: what a START request may carry for a file. */
function isFile(value) {
  return value instanceof ArrayBuffer || (typeof Blob !== "undefined" && value instanceof Blob);
}

/** The files a START request carries, by absolute URL; anything that is not a file is ignored. */
function filesOf(msg) {
  const files = new Map();
  if (msg.files && typeof msg.files === "object") {
    for (const [url, file] of Object.entries(msg.files)) {
      if (isFile(file)) files.set(url, file);
    }
  }
  return files;
}
