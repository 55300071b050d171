// Runs calculator cases inside Pyodide (from node_modules) on the built archive, the way the
// browser worker does, and prints one JSON array of {text, exit} in the order of the cases.
// usage: node run_cases.mjs ARCHIVE.zip CASES.json   (CASES: [{calc, inputs: "<json text>"}])
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [archivePath, casesPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => console.error(line) });
pyodide.unpackArchive(new Uint8Array(readFileSync(archivePath)), "zip", { extractDir: "/calc" });
pyodide.runPython("import sys; sys.path.insert(0, '/calc')");
const runJson = pyodide.pyimport("trdcalc").run_json;
const version = pyodide.runPython("import sys; sys.version.split()[0]");

const outputs = JSON.parse(readFileSync(casesPath, "utf8")).map(({ calc, inputs }) => {
  const result = runJson(calc, inputs);
  const [text, exit] = result.toJs();
  result.destroy();
  return { text, exit };
});
process.stdout.write(JSON.stringify({ python: version, outputs }));
