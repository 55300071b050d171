// Runs calculator cases inside Pyodide (from node_modules) on the built archive, through the same
// start-up module as the browser worker, and prints one JSON object: the Python version, the way
// Python started, and one {text, exit} per case, in order.
// usage: node run_cases.mjs ARCHIVE.zip CASES.json [STDLIB.zip COMPILED_ARCHIVE.zip]
//   CASES: [{calc, inputs: "<json text>"}]; STDLIB and COMPILED_ARCHIVE: the byte-compiled stdlib
//   and package to start from first (as the worker does), with Pyodide's own stdlib and ARCHIVE
//   as the fallback.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPyodide } from "pyodide";
import { startFirstWorking } from "../../docs/javascripts/calc-python.mjs";

const [archivePath, casesPath, stdlibPath, compiledPath] = process.argv.slice(2);
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
const calculators = await startFirstWorking(loadPyodide, ways);
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const outputs = cases.map(({ calc, inputs }) => calculators.run(calc, inputs));
const compiled = calculators.pyodide.runPython(
  "import sys; sorted(n for n, m in sys.modules.items() if (getattr(m, '__file__', None) or '').endswith('.pyc'))",
).toJs();
process.stdout.write(JSON.stringify({ python: calculators.python, way: calculators.way, compiled, outputs }));
