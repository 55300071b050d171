// Runs calculator cases inside Pyodide (from node_modules) on the built archive, through the same
// start-up module as the browser worker, and prints one JSON object: the Python version, the way
// Python started (and the way it ran the cases in, after any fallback), and one {text, exit} per
// case, in order.
// usage: node run_cases.mjs ARCHIVE.zip CASES.json [STDLIB.zip COMPILED_ARCHIVE.zip [SNAPSHOT.bin]]
//   CASES: [{calc, inputs: "<json text>"}]; STDLIB and COMPILED_ARCHIVE: the byte-compiled stdlib
//   and package to start from (as the worker does), with Pyodide's own stdlib and ARCHIVE as the
//   fallback; SNAPSHOT: the stored memory snapshot, tried first, as the worker does.
//   PROBE_MODULE=name: before the cases, import a module the snapshot does not hold, straight
//   from the restored interpreter, and report what Python raised ("probe"); then make the
//   package import it on every run, as a module the snapshot missed would (the runs must then
//   move to the next way: "ranIn").
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadPyodide } from "pyodide";
import { startFirstWorking } from "../../docs/javascripts/calc-python.mjs";
import { EMPTY_ZIP, restoreSnapshot } from "../../docs/javascripts/calc-snapshot.mjs";

const [archivePath, casesPath, stdlibPath, compiledPath, snapshotPath] = process.argv.slice(2);
const common = { stdout: () => {}, stderr: (line) => console.error(line) };
const bytes = async (path) => new Uint8Array(readFileSync(path));
const ways = [{ name: "source", options: common, archive: () => bytes(archivePath) }];
if (stdlibPath) {
  ways.unshift({
    name: "bytecode",
    options: { ...common, stdLibURL: resolve(stdlibPath) },
    archive: async () => {
      readFileSync(stdlibPath); // as the worker does: a missing stdlib fails this way, not Pyodide
      return bytes(compiledPath);
    },
  });
}
if (snapshotPath) {
  const emptyStdlib = join(mkdtempSync(join(tmpdir(), "stdlib-")), "empty.zip");
  writeFileSync(emptyStdlib, EMPTY_ZIP);
  const wasm = new URL("pyodide.asm.wasm", import.meta.resolve("pyodide"));
  ways.unshift({
    name: "snapshot",
    options: { ...common, stdLibURL: emptyStdlib },
    snapshot: async () => restoreSnapshot(await bytes(snapshotPath), await bytes(wasm)),
  });
}
const calculators = await startFirstWorking(loadPyodide, ways);
const started = calculators.way;
let probe = null;
if (process.env.PROBE_MODULE) {
  try {
    calculators.pyodide.runPython(`import ${process.env.PROBE_MODULE}`);
    probe = "imported";
  } catch (error) {
    probe = error.type ?? String(error);
  }
  calculators.pyodide.runPython(`
import trdcalc.api as api
def _run_needing_a_module(calc, values, _run=api.run):
    import ${process.env.PROBE_MODULE}
    return _run(calc, values)
api.run = _run_needing_a_module`);
}
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const outputs = [];
for (const { calc, inputs } of cases) outputs.push(await calculators.run(calc, inputs));
const compiled = calculators.pyodide.runPython(
  "import sys; sorted(n for n, m in sys.modules.items() if (getattr(m, '__file__', None) or '').endswith('.pyc'))",
).toJs();
const report = { python: calculators.python, way: started, ranIn: calculators.way, probe, compiled, outputs };
process.stdout.write(JSON.stringify(report));
