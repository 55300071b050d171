// Runs calculator cases inside Pyodide (from node_modules) on the built archive, through the same
// start-up module as the browser worker, and prints one JSON object: the Python version and one
// {text, exit} per case, in order.
// usage: node run_cases.mjs ARCHIVE.zip CASES.json   (CASES: [{calc, inputs: "<json text>"}])
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { startCalculators } from "../../docs/javascripts/calc-python.mjs";

const [archivePath, casesPath] = process.argv.slice(2);
const calculators = await startCalculators(
  loadPyodide,
  { stdout: () => {}, stderr: (line) => console.error(line) },
  new Uint8Array(readFileSync(archivePath)),
);
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const outputs = cases.map(({ calc, inputs }) => calculators.run(calc, inputs));
process.stdout.write(JSON.stringify({ python: calculators.python, outputs }));
