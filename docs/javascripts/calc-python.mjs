// Starting the calculators inside Pyodide, shared by the browser worker (calc-worker.mjs) and the
// Node parity harness (tests/pyodide/run_cases.mjs), so both run the package in the same way.
// It imports nothing from the site's generated config: the caller says where everything is.
import { CAUSE } from "./calc-protocol.mjs";

const EXTRACT_DIR = "/home/pyodide/site-calculators";

/**
 * @typedef {{ text: string, exit: number }} RunValue
 * @typedef {{ python: string, pyodide: any, run: (calc: string, inputs: string) => RunValue,
 *   errors: (calc: string, inputs: string) => string }} Calculators
 *   `errors` gives `trdcalc.errors_json`'s text: every problem with the inputs, as a JSON list.
 */

/**
 * Load Pyodide with `loadPyodide(options)`, then unpack and import the calculators' zip.
 * @param {(options: object) => Promise<any>} loadPyodide Pyodide's own loader (browser or Node)
 * @param {object} options passed to `loadPyodide` unchanged
 * @param {Uint8Array} archive the zip of the `trdcalc` package
 * @returns {Promise<Calculators>}
 */
export async function startCalculators(loadPyodide, options, archive) {
  return importCalculators(await loadPyodide(options), archive);
}

/**
 * Start from the first way that works, fastest first: a way is `{ name, options, archive }`, the
 * `loadPyodide` options (a byte-compiled stdlib, or Pyodide's own) and a function that gives the
 * package zip to go with it (compiled or source). A way that fails (a missing, corrupt or
 * mismatched archive) is logged and the next is tried; the last one's failure is thrown, and so
 * is an error marked `fatalForAllWays` (a wasm that cannot load fails every way).
 * @param {(options: object) => Promise<any>} loadPyodide
 * @param {{ name: string, options: object, archive: () => Promise<Uint8Array> }[]} ways
 * @returns {Promise<Calculators & { way: string }>}
 */
export async function startFirstWorking(loadPyodide, ways) {
  for (const [index, way] of ways.entries()) {
    try {
      const archive = await way.archive();
      const calculators = await startCalculators(loadPyodide, way.options, archive);
      return { ...calculators, way: way.name };
    } catch (error) {
      if (index === ways.length - 1 || error?.fatalForAllWays) throw error;
      console.warn(`Python did not start the ${way.name} way; trying the next`, error);
    }
  }
  throw new Error("no way to start Python", { cause: CAUSE.START });
}

/** Put the package on `sys.path` of a loaded Pyodide and import it. @returns {Calculators} */
export function importCalculators(pyodide, archive) {
  let runJson;
  let errorsJson;
  let python;
  try {
    pyodide.unpackArchive(archive, "zip", { extractDir: EXTRACT_DIR });
    pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
    ({ run_json: runJson, errors_json: errorsJson } = pyodide.pyimport("trdcalc"));
    python = pyodide.runPython("import sys; sys.version.split()[0]");
  } catch (error) {
    console.error(error);
    const what = error instanceof pyodide.ffi.PythonError ? error.type : "unreadable archive";
    throw new Error(`the calculators could not be loaded (${what})`, { cause: CAUSE.START });
  }
  return {
    python,
    pyodide,
    run: (calc, inputs) => runOnce(pyodide, runJson, calc, inputs),
    errors: (calc, inputs) => callOnce(pyodide, () => errorsJson(calc, inputs)),
  };
}

/**
 * One call into the package (`call`). A Python exception becomes an error with cause PYTHON (the
 * interpreter still works); anything else (`os._exit`, a wasm trap) means Python is gone: FATAL.
 * The traceback goes to the console for developers, never into the message.
 */
function callOnce(pyodide, call) {
  try {
    return call();
  } catch (error) {
    console.error(error);
    if (error instanceof pyodide.ffi.PythonError) {
      throw new Error(`Python raised ${error.type}`, { cause: CAUSE.PYTHON });
    }
    throw new Error("Python stopped", { cause: CAUSE.FATAL });
  }
}

/** One call of `trdcalc.run_json`: its text and exit code. */
function runOnce(pyodide, runJson, calc, inputs) {
  const result = callOnce(pyodide, () => runJson(calc, inputs));
  try {
    const [text, exit] = result.toJs();
    return { text, exit };
  } finally {
    result.destroy();
  }
}
