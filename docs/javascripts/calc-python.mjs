// Starting the calculators inside Pyodide, shared by the browser worker (calc-worker.mjs) and the
// Node parity harness (tests/pyodide/run_cases.mjs), so both run the package in the same way.
// It imports nothing from the site's generated config: the caller says where everything is.
import { CAUSE } from "./calc-protocol.mjs";

const EXTRACT_DIR = "/home/pyodide/site-calculators";

/**
 * @typedef {{ text: string, exit: number }} RunValue
 * @typedef {{ python: string, pyodide: any,
 *   run: (calc: string, inputs: string) => RunValue | Promise<RunValue>,
 *   errors: (calc: string, inputs: string) => string | Promise<string> }} Calculators
 *   `errors` gives `trdcalc.errors_json`'s text: every problem with the inputs, as a JSON list.
 *   After a snapshot start both answer with a promise (the run may need Python started anew).
 * `coldCode` is true after a snapshot start: Python's code has hardly run in this engine yet, so
 *   the engine has not optimised the interpreter (V8 optimises wasm functions as they run), and
 *   the first 50 or so runs take about twice as long (calc-handler.mjs warms it up).
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
 * Start from the first way that works, fastest first. A way is `{ name, options, archive }`: the
 * `loadPyodide` options (a byte-compiled stdlib, or Pyodide's own) and a function that gives the
 * package zip to go with it (compiled or source); or `{ name, options, snapshot }`: a function
 * that gives a memory snapshot with the package already imported (see startFromSnapshot). A way
 * that fails (a missing, corrupt or mismatched file) is logged and the next is tried; the last
 * one's failure is thrown, and so is an error marked `fatalForAllWays` (a wasm that cannot load
 * fails every way). A snapshot holds only the modules imported when it was made: if a run needs
 * another, Python is started the next way and the run repeated there (withFallback).
 * @param {(options: object) => Promise<any>} loadPyodide
 * @param {{ name: string, options: object, archive?: () => Promise<Uint8Array>,
 *   snapshot?: () => Promise<Uint8Array> }[]} ways
 * @returns {Promise<Calculators & { way: string }>}
 */
export async function startFirstWorking(loadPyodide, ways) {
  for (const [index, way] of ways.entries()) {
    try {
      const calculators = way.snapshot
        ? await startFromSnapshot(loadPyodide, way.options, await way.snapshot())
        : await startCalculators(loadPyodide, way.options, await way.archive());
      const started = { ...calculators, way: way.name, coldCode: Boolean(way.snapshot) };
      const rest = ways.slice(index + 1);
      if (!way.snapshot || rest.length === 0) return started;
      return withFallback(started, () => startFirstWorking(loadPyodide, rest));
    } catch (error) {
      if (index === ways.length - 1 || error?.fatalForAllWays) throw error;
      console.warn(`Python did not start the ${way.name} way; trying the next`, error);
    }
  }
  throw new Error("no way to start Python", { cause: CAUSE.START });
}

/**
 * Restore Pyodide from a memory snapshot made by build_tools/snapshot.mjs, in which every module
 * of the package is imported. The snapshot's memory remembers the standard library zip it was
 * made with, which is not mounted now (`options` name a small one): forget what the importers
 * cached, so that an import they have not seen reads the zip mounted now and, when the module
 * is not there, fails with ModuleNotFoundError (which withFallback answers) instead of reading
 * a file that is no longer there.
 */
export async function startFromSnapshot(loadPyodide, options, snapshot) {
  const pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  return adoptCalculators(pyodide, () =>
    pyodide.runPython(
      "import sys, zipimport\nzipimport._zip_directory_cache.clear()\nsys.path_importer_cache.clear()",
    ),
  );
}

/**
 * Calculators whose runs, when Python lacks a module, start Python the next way (`startNext`,
 * once, shared by runs that wait together) and repeat the run there. `way` names the way in use.
 * @returns {Calculators & { way: string }}
 */
export function withFallback(first, startNext) {
  let current = first;
  let next = null;
  const call = (name) => async (calc, inputs) => {
    try {
      return await current[name](calc, inputs);
    } catch (error) {
      if (!error.missingModule) throw error;
      console.warn(`Python started the ${current.way} way lacks a module: starting it the next way`);
      next ??= startNext().then((calculators) => (current = calculators));
      return (await next)[name](calc, inputs);
    }
  };
  return {
    get python() {
      return current.python;
    },
    get pyodide() {
      return current.pyodide;
    },
    get way() {
      return current.way;
    },
    get coldCode() {
      return current.coldCode === true;
    },
    run: call("run"),
    errors: call("errors"),
  };
}

/** Put the package on `sys.path` of a loaded Pyodide and import it. @returns {Calculators} */
export function importCalculators(pyodide, archive) {
  return adoptCalculators(pyodide, () => {
    pyodide.unpackArchive(archive, "zip", { extractDir: EXTRACT_DIR });
    pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
  });
}

/** Run `prepare`, then import the package. @returns {Calculators} */
function adoptCalculators(pyodide, prepare) {
  let runJson;
  let errorsJson;
  let python;
  try {
    prepare();
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
      const raised = new Error(`Python raised ${error.type}`, { cause: CAUSE.PYTHON });
      raised.missingModule = error.type === "ModuleNotFoundError";
      throw raised;
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
