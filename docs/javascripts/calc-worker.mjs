// Module worker: runs the site's own Python calculators in a self-hosted Pyodide.
// Every URL is resolved from this file, so the site works under any base path, and Pyodide gets
// an empty package lock, so it never asks a CDN for anything.
import { config } from "./calc-config.mjs";
import { KIND, errorReply } from "./calc-protocol.mjs";

const EXTRACT_DIR = "/home/pyodide/site-calculators";

/** @type {Promise<(calc: string, inputs: string) => [string, number]> | null} */
let ready = null;

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

async function startPython() {
  const base = new URL(config.pyodideDir, import.meta.url);
  const { loadPyodide } = await import(new URL("pyodide.mjs", base).href);
  const watch = wasmFailure();
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: base.href,
      packageBaseUrl: base.href,
      lockFileContents: { info: config.lockInfo, packages: {} },
    }),
    watch.failed,
  ]).finally(watch.restore);
  const response = await fetch(new URL(config.archive, import.meta.url));
  if (!response.ok) throw new Error(`calculator archive: HTTP ${response.status}`);
  pyodide.unpackArchive(new Uint8Array(await response.arrayBuffer()), "zip", {
    extractDir: EXTRACT_DIR,
  });
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
  const runJson = pyodide.pyimport("trdcalc").run_json;
  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  return Object.assign(
    (calc, inputs) => {
      const result = runJson(calc, inputs);
      try {
        return result.toJs();
      } finally {
        result.destroy();
      }
    },
    { python },
  );
}

/** One request in, one reply out. @param {import("./calc-protocol.mjs").Request} msg */
async function handle(msg) {
  try {
    if (msg.kind === KIND.START) {
      ready ??= startPython();
      const run = await ready;
      return { id: msg.id, ok: true, value: { python: run.python } };
    }
    if (msg.kind === KIND.RUN) {
      if (!ready) throw new Error("run before start");
      const [text, exit] = (await ready)(msg.calc, msg.inputs);
      return { id: msg.id, ok: true, value: { text, exit } };
    }
    return errorReply(msg.id, `unknown message kind: ${msg.kind}`);
  } catch (error) {
    return errorReply(msg.id, error);
  }
}

self.addEventListener("message", async (event) => self.postMessage(await handle(event.data)));
