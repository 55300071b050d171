// Module worker: runs the site's own Python calculators in a self-hosted Pyodide.
// Every URL is resolved from this file, so the site works under any base path, and Pyodide gets
// an empty package lock, so it never asks a CDN for anything.
import { config } from "./calc-config.mjs";
import { KIND, errorReply } from "./calc-protocol.mjs";

const EXTRACT_DIR = "/home/pyodide/site-calculators";

/** @type {Promise<(calc: string, inputs: string) => [string, number]> | null} */
let ready = null;

async function startPython() {
  const base = new URL(config.pyodideDir, import.meta.url);
  const { loadPyodide } = await import(new URL("pyodide.mjs", base).href);
  const pyodide = await loadPyodide({
    indexURL: base.href,
    packageBaseUrl: base.href,
    lockFileContents: { info: config.lockInfo, packages: {} },
  });
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
