// The page's side of the Python worker: one worker per tab, kept in this module's scope so it
// survives Material's instant navigation, created only when a form first needs Python.
// Every request settles: with the reply, or with an error when the worker fails, goes quiet
// (start-up: no sign of progress for `stallTimeoutMs`; a run: no answer in `runTimeoutMs`),
// or says Python has died. A worker that failed is terminated (so a hung one stops using a CPU)
// and forgotten, so the next start makes a new one.
import { config } from "./calc-config.mjs";
import { downloadAll, forgetDownloads } from "./calc-download.mjs";
import { CAUSE, KIND, REPLY, WASM_BYTES } from "./calc-protocol.mjs";

const STALL_MS = config.stallTimeoutMs ?? 30_000;
const RUN_MS = config.runTimeoutMs ?? 10_000;
// Between the worker's start-up steps (scripts loaded, Python loaded, calculators imported) the
// work is CPU, not network: a slow or busy device may need far longer than a stalled line.
const BOOT_STEP_MS = 60_000;

/** Start-up progress for every mounted form: "progress" events, detail {loaded, total} or {step}. */
export const progress = new EventTarget();

/**
 * @typedef {{ resolve: Function, reject: Function, timer: number, limit: number, onProgress?: Function }} Waiter
 * @typedef {{ worker: Worker, pending: Map<number, Waiter>, nextId: number,
 *   started: Promise<{ python: string }> | null, ready: boolean, failed: Error | null }} Client
 */

/** @type {Client | null} */
let client = null;

/** A performance mark for `make bench` (start-up steps on the page's clock); never throws. */
function mark(name) {
  try {
    performance.mark(`calc-${name}`);
  } catch {
    // marks are optional
  }
}

function emit(detail) {
  if (detail.step) mark(detail.step);
  progress.dispatchEvent(new CustomEvent("progress", { detail }));
}

function failure(message, cause) {
  return new Error(message, { cause });
}

function createClient() {
  const worker = new Worker(new URL("./calc-worker.mjs", import.meta.url), { type: "module" });
  /** @type {Client} */
  const c = { worker, pending: new Map(), nextId: 1, started: null, ready: false, failed: null };
  worker.addEventListener("message", (event) => onReply(c, event.data));
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    const message = c.ready ? "Python's worker failed" : "Python's worker script could not be loaded";
    dropClient(c, failure(message, c.ready ? CAUSE.FATAL : CAUSE.START));
  });
  return c;
}

function onReply(c, reply) {
  const waiter = c.pending.get(reply?.id);
  if (!waiter) return;
  if (reply.kind === REPLY.PROGRESS) {
    rearm(c, reply.id, waiter);
    waiter.onProgress?.(reply.step);
    return;
  }
  c.pending.delete(reply.id);
  clearTimeout(waiter.timer);
  if (reply.kind === REPLY.OK) waiter.resolve(reply.value);
  else waiter.reject(failure(reply.error, reply.cause));
}

/** (Re)start a request's timer: when it fires, the worker is hung and is dropped. */
function rearm(c, id, waiter) {
  clearTimeout(waiter.timer);
  waiter.timer = setTimeout(() => {
    const seconds = Math.round(waiter.limit / 1000);
    const cause = c.ready ? CAUSE.FATAL : CAUSE.START;
    dropClient(c, failure(`Python gave no sign of life for ${seconds} s`, cause));
  }, waiter.limit);
}

/** Reject everything still waiting, stop the worker and forget it. */
function dropClient(c, error) {
  c.failed ??= error;
  for (const waiter of c.pending.values()) {
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }
  c.pending.clear();
  c.worker.terminate();
  if (client === c) client = null;
}

function request(c, message, limit, onProgress, transfer = []) {
  return new Promise((resolve, reject) => {
    if (c.failed) {
      reject(c.failed);
      return;
    }
    const id = c.nextId++;
    const waiter = { resolve, reject, timer: 0, limit, onProgress };
    c.pending.set(id, waiter);
    rearm(c, id, waiter);
    c.worker.postMessage({ id, ...message }, transfer);
  });
}

/** The files the page downloads itself, from the build's config (absolute URLs). */
function startFiles() {
  return (config.downloads ?? []).map(({ url, bytes, worker }) => ({
    url: new URL(url, import.meta.url).href,
    bytes,
    worker: worker === true,
  }));
}

/**
 * Progress over every start-up file: the page's downloads and the worker's own (the wasm),
 * reported to the forms as one {loaded, total}.
 */
function progressMeter(files) {
  const total = files.reduce((sum, file) => sum + (file.bytes || 0), 0);
  const loaded = { page: 0, worker: 0 };
  // Once a frame at most: on a fast line hundreds of chunks arrive in one go, and a status line
  // redrawn for each of them made the longest task of the start.
  let queued = false;
  const show = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const sum = loaded.page + loaded.worker;
      emit({ loaded: sum, total: Math.max(total, sum) });
    });
  };
  return {
    page: (bytes) => {
      loaded.page = bytes;
      show();
    },
    worker: (bytes) => {
      loaded.worker = bytes;
      show();
    },
  };
}

/** Download with a stall guard: no byte for STALL_MS aborts every download of this attempt. */
async function download(files, meter) {
  const guard = new AbortController();
  let timer = 0;
  const stalled = () => {
    const seconds = Math.round(STALL_MS / 1000);
    guard.abort(failure(`the download stopped: nothing arrived for ${seconds} s`, CAUSE.START));
  };
  const alive = () => {
    clearTimeout(timer); // called for every chunk: nothing more than a new timer here
    timer = setTimeout(stalled, STALL_MS);
  };
  try {
    return await downloadAll(files, {
      signal: guard.signal,
      onProgress: (loaded) => {
        alive();
        meter.page(loaded);
      },
    });
  } finally {
    clearTimeout(timer);
  }
}

async function start(c) {
  const all = startFiles();
  const meter = progressMeter(all);
  mark("download-start");
  let files;
  try {
    files = await download(all.filter((file) => !file.worker), meter);
  } catch (error) {
    error.pageDownload = true; // the worker is fine: keep it (and the wasm it has fetched)
    throw error;
  }
  mark("download-end");
  emit({ step: "starting" });
  const onStep = (step) => {
    if (step.startsWith(WASM_BYTES)) meter.worker(Number(step.slice(WASM_BYTES.length)) || 0);
    else emit({ step });
  };
  // Blobs go by reference: nothing to transfer, nothing copied here.
  const value = await request(c, { kind: KIND.START, files }, BOOT_STEP_MS, onStep);
  c.ready = true;
  mark("ready");
  forgetDownloads();
  return value;
}

/** Is Python already running in this tab? */
export function isReady() {
  return client?.ready === true;
}

/** A fast line without Save-Data: Python may start before the reader's first answer. */
export function fastConnection() {
  const connection = navigator.connection;
  return !!connection && !connection.saveData && connection.effectiveType === "4g";
}

/** How a start made before any form asked failed, kept for the first form to show. */
let earlyFailure = null;
/** A form has asked for Python (after that, forms see every failure themselves). */
let formAsked = false;

/**
 * Start Python before the page script has mounted any form (calc-early.mjs). Nobody waits for
 * this start yet: a failure is kept and given to the first form that asks, as if it had made
 * that start itself, so the form shows it with "Try again" instead of silently starting again.
 */
export function startEarly() {
  begin().catch((error) => {
    if (!formAsked) earlyFailure = error;
  });
}

/**
 * Start Python once per tab; resolves with { python } or rejects with a reason for a reader.
 * `retry`: the reader asked to try again, so a failed early start is not reported once more.
 */
export function startPython({ retry = false } = {}) {
  formAsked = true;
  if (earlyFailure) {
    const error = earlyFailure;
    earlyFailure = null;
    if (!retry) return Promise.reject(error);
  }
  return begin();
}

function begin() {
  client ??= createClient();
  const c = client;
  c.started ??= start(c).catch((error) => {
    if (error.pageDownload && !c.failed) c.started = null; // "Try again" reuses this worker
    else dropClient(c, error);
    throw error.cause === CAUSE.START ? error : failure(error.message, CAUSE.START);
  });
  return c.started;
}

/**
 * Run one calculator; resolves with { text, exit }. A Python exception rejects with cause
 * PYTHON and keeps the worker; any other failure drops the worker (cause FATAL).
 */
export async function runPython(calc, inputs) {
  await startPython();
  const c = client;
  if (!c?.ready) throw failure("Python stopped", CAUSE.FATAL);
  try {
    return await request(c, { kind: KIND.RUN, calc, inputs: JSON.stringify(inputs) }, RUN_MS);
  } catch (error) {
    if (error.cause === CAUSE.PYTHON) throw error;
    dropClient(c, error);
    throw failure(error.message, CAUSE.FATAL);
  }
}

/**
 * Every problem with `inputs` at once, as [{field, message}] (Python's `errors_json`); failures
 * as for runPython.
 */
export async function errorsOf(calc, inputs) {
  await startPython();
  const c = client;
  if (!c?.ready) throw failure("Python stopped", CAUSE.FATAL);
  try {
    const text = await request(c, { kind: KIND.ERRORS, calc, inputs: JSON.stringify(inputs) }, RUN_MS);
    return JSON.parse(text);
  } catch (error) {
    if (error.cause === CAUSE.PYTHON || error instanceof SyntaxError) throw error;
    dropClient(c, error);
    throw failure(error.message, CAUSE.FATAL);
  }
}
