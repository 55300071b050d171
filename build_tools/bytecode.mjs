// Byte-compiles, inside the pinned Pyodide under Node, the standard library modules the
// calculators use, and the calculators themselves, into two uncompressed zips: stdlib.zip (for
// loadPyodide's `stdLibURL`) and package.zip (run by build_tools/bytecode.py; see there for why).
// usage: node bytecode.mjs PACKAGE.zip WARMUP.json OUT_DIR
//   WARMUP: [[calculator id, inputs as JSON text], ...], run once each to find the modules used.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [archivePath, warmupPath, outDir] = process.argv.slice(2);
const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0" }, // frozenset constants are marshalled in hash order
  stdout: () => {},
  stderr: (line) => console.error(line),
});
pyodide.unpackArchive(new Uint8Array(readFileSync(archivePath)), "zip", { extractDir: "/tmp/pkg" });
pyodide.globals.set("warmup_json", readFileSync(warmupPath, "utf8"));
pyodide.runPython(readFileSync(new URL("./bytecode_compile.py", import.meta.url), "utf8"));
for (const name of ["stdlib.zip", "package.zip"]) {
  writeFileSync(`${outDir}/${name}`, pyodide.FS.readFile(`/tmp/${name}`));
}
