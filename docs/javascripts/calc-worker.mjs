// Module worker: runs the site's own Python calculators in a self-hosted Pyodide.
// Every URL is resolved from this file, so the site works under any base path; Pyodide gets an
// empty package lock, so it never asks a CDN for anything; the big files come from the page.
import { config } from "./calc-config.mjs";
import { createHandler } from "./calc-handler.mjs";
import { startCalculators } from "./calc-python.mjs";

const base = new URL(config.pyodideDir, import.meta.url);

// Pyodide's two scripts load while the page downloads the big files. Pyodide later imports
// pyodide.asm.mjs from the same URL, which the module map answers without a second request.
const scripts = Promise.all([
  import(new URL("pyodide.mjs", base).href),
  import(new URL("pyodide.asm.mjs", base).href),
]);
scripts.catch(() => {}); // reported when a START request awaits it

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
        reject(new Error("Python's WebAssembly file could not be loaded"));
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
    const bytes = files.get(url);
    if (!bytes) return realFetch(input, init);
    const type = url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
    return Promise.resolve(new Response(bytes, { headers: { "Content-Type": type } }));
  };
  return () => (globalThis.fetch = realFetch);
}

async function archiveBytes(files) {
  const url = new URL(config.archive, import.meta.url).href;
  if (files.has(url)) return new Uint8Array(files.get(url));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`calculator archive: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** @type {import("./calc-handler.mjs").Boot} */
async function boot(files, notify) {
  const [{ loadPyodide }] = await scripts;
  notify("scripts");
  const archive = await archiveBytes(files);
  const restoreFetch = serveFromMemory(files);
  const watch = wasmFailure();
  const load = async (options) => {
    const pyodide = await Promise.race([loadPyodide(options), watch.failed]);
    notify("python");
    return pyodide;
  };
  const options = {
    indexURL: base.href,
    packageBaseUrl: base.href,
    lockFileContents: { info: config.lockInfo, packages: {} },
  };
  try {
    return await startCalculators(load, options, archive);
  } finally {
    watch.restore();
    restoreFetch();
  }
}

const handle = createHandler(boot);
self.addEventListener("message", async (event) => {
  self.postMessage(await handle(event.data, (notice) => self.postMessage(notice)));
});
