// Module worker: runs the site's own Python calculators in a self-hosted Pyodide.
// Every URL is resolved from this file, so the site works under any base path; Pyodide gets an
// empty package lock, so it never asks a CDN for anything. The wasm is fetched here, by its URL,
// as soon as the worker exists, and compiled while it streams in: a reload then finds it in the
// browser's compiled-code cache (bytes the page sent would be compiled again on every visit).
// The other start-up files come from the page (as Blobs), which shows their progress.
// Python starts from a memory snapshot with the calculators imported, which the worker rebuilds
// from the stored file and the wasm's own bytes (calc-snapshot.mjs); then, if that fails, from
// the byte-compiled standard library, then from Pyodide's own.
import { config } from "./calc-config.mjs";
import { createHandler } from "./calc-handler.mjs";
import { WASM_BYTES } from "./calc-protocol.mjs";
import { startFirstWorking } from "./calc-python.mjs";
import { EMPTY_ZIP, restoreSnapshot } from "./calc-snapshot.mjs";

const base = new URL(config.pyodideDir, import.meta.url);

// Pyodide's two scripts load while the page downloads the big files. Pyodide later imports
// pyodide.asm.mjs from the same URL, which the module map answers without a second request.
const scripts = Promise.all([
  import(new URL("pyodide.mjs", base).href),
  import(new URL("pyodide.asm.mjs", base).href),
]);
scripts.catch(() => {}); // reported when a START request awaits it

const wasmURL = new URL("pyodide.asm.wasm", base).href;
/** Bytes of the wasm arrived so far, and who wants to hear of them (the START request). */
const wasmProgress = { loaded: 0, listener: null, status: 0 };
const wasmFetch = fetch(wasmURL).then((response) => ({
  response,
  bytes: response.ok && response.body ? keepBytes(response.clone()) : null,
}));
let wasmResponse = wasmFetch.then(({ response }) => {
  wasmProgress.status = response.status;
  return response;
});
wasmResponse.catch(() => {}); // Pyodide sees the failure when it asks for the wasm
/** The wasm's bytes, kept to rebuild the snapshot until Python has started (null: none). */
let wasmBytes = wasmFetch.then(({ bytes }) => bytes, () => null);

/** Count and keep a copy of the wasm's body as it arrives (the original streams into the compiler). */
async function keepBytes(copy) {
  const parts = [];
  try {
    const reader = copy.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      parts.push(part.value);
      wasmProgress.loaded += part.value.byteLength;
      wasmProgress.listener?.(wasmProgress.loaded);
    }
  } catch {
    return null; // the compile branch reports a broken download
  }
  const bytes = new Uint8Array(wasmProgress.loaded);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** The snapshot as Pyodide made it, from the stored file and the wasm's bytes. */
async function snapshotBytes(files) {
  const [stored, wasm] = await Promise.all([fileBytes(files, config.snapshot), wasmBytes]);
  if (!wasm) throw new Error("the wasm's bytes are needed to rebuild the snapshot");
  return restoreSnapshot(stored, wasm);
}

/**
 * Pyodide 314 reports a failed wasm download or compile only with console.warn("wasm
 * instantiation failed!") and then never settles. Turn that warning into a rejection, so a
 * blocked or broken wasm file shows the error state at once instead of after the time-out.
 */
function wasmFailure() {
  const warn = console.warn;
  let restore;
  const failed = new Promise((_, reject) => {
    console.warn = (...args) => {
      warn(...args);
      if (String(args[0]).startsWith("wasm instantiation failed")) {
        const { status } = wasmProgress; // "HTTP 404": the page's release is gone (GONE)
        const why = status && status !== 200 ? `: HTTP ${status}` : "";
        const error = new Error(`Python's WebAssembly file could not be loaded${why}`);
        error.fatalForAllWays = true; // every way needs the same wasm
        reject(error);
      }
    };
    restore = () => (console.warn = warn);
  });
  return { failed, restore };
}

/**
 * Pyodide takes only URLs for its wasm and standard library. While it starts, answer those URLs
 * from the bytes the page sent (`files`, by absolute URL) and anything else from the network.
 * Returns the function that puts the real fetch back.
 */
function serveFromMemory(files) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input, self.location).href;
    if (url === wasmURL && wasmResponse) {
      const response = wasmResponse; // the real response, with its URL: cacheable compile
      wasmResponse = null; // a second start (fallback) fetches again, from the HTTP cache
      return response;
    }
    const bytes = files.get(url);
    if (!bytes) return realFetch(input, init);
    const type = url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
    return Promise.resolve(new Response(bytes, { headers: { "Content-Type": type } }));
  };
  return () => (globalThis.fetch = realFetch);
}

/** A start-up file sent by the page (bytes or a Blob), else fetched now and kept in `files`. */
async function ensureFile(files, relative) {
  const url = new URL(relative, import.meta.url).href;
  if (!files.has(url)) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${relative}: HTTP ${response.status}`);
    files.set(url, await response.arrayBuffer());
  }
  return files.get(url);
}

/** The bytes of a start-up file (see ensureFile). */
async function fileBytes(files, relative) {
  const file = await ensureFile(files, relative);
  return new Uint8Array(file instanceof Blob ? await file.arrayBuffer() : file);
}

/**
 * The ways to start, fastest first: the snapshot, the byte-compiled standard library and
 * calculators, then Pyodide's own source-only `python_stdlib.zip` with the calculators' source zip.
 */
function startWays(files) {
  const common = {
    indexURL: base.href,
    packageBaseUrl: base.href,
    lockFileContents: { info: config.lockInfo, packages: {} },
  };
  const ways = [];
  if (config.snapshot) {
    const emptyStdlib = new URL("empty-stdlib.zip", base).href; // answered from memory
    files.set(emptyStdlib, EMPTY_ZIP.buffer);
    ways.push({
      name: "snapshot",
      options: { ...common, stdLibURL: emptyStdlib },
      snapshot: () => snapshotBytes(files),
    });
  }
  if (config.stdlib && config.compiledArchive) {
    ways.push({
      name: "bytecode",
      options: { ...common, stdLibURL: new URL(config.stdlib, import.meta.url).href },
      // Pyodide does not report a stdlib it cannot fetch (it never settles): check first.
      archive: async () => {
        await ensureFile(files, config.stdlib);
        return fileBytes(files, config.compiledArchive);
      },
    });
  }
  ways.push({ name: "source", options: common, archive: () => fileBytes(files, config.archive) });
  return ways;
}

/** @type {import("./calc-handler.mjs").Boot} */
async function boot(files, notify) {
  wasmProgress.listener = (loaded) => notify(`${WASM_BYTES}${loaded}`);
  wasmProgress.listener(wasmProgress.loaded);
  const [{ loadPyodide }] = await scripts;
  notify("scripts");
  const restoreFetch = serveFromMemory(files);
  const watch = wasmFailure();
  const load = async (options) => {
    const pyodide = await Promise.race([loadPyodide(options), watch.failed]);
    notify("python");
    return pyodide;
  };
  try {
    const calculators = await startFirstWorking(load, startWays(files));
    notify(`started-${calculators.way}`);
    wasmBytes = Promise.resolve(null); // 9.6 MB no later start needs
    return calculators;
  } finally {
    wasmProgress.listener = null;
    watch.restore();
    restoreFetch();
  }
}

const handle = createHandler(boot);
self.addEventListener("message", async (event) => {
  self.postMessage(await handle(event.data, (notice) => self.postMessage(notice)));
});
