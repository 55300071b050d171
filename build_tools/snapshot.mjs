// Makes, inside the pinned Pyodide under Node, a memory snapshot of Python with the calculators
// imported and warmed up (build_tools/snapshot.py says why and how it is used). The worker
// restores it instead of starting the interpreter; Pyodide 314 can make a snapshot in Node and
// load it in a browser, through its private `_makeSnapshot` / `_loadSnapshot` options (so the
// Pyodide pin stays exact). The output is reproducible: the same inputs give the same bytes,
// because the clocks and the random source Python sees while it is made are fixed.
// usage: node snapshot.mjs STDLIB.zip PACKAGE.zip WARMUP.json OUT_DIR (writes snapshot.bin there)
//   STDLIB, PACKAGE: the byte-compiled zips (build_tools/bytecode.py); WARMUP as there.
import nodeCrypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { importCalculators } from "../docs/javascripts/calc-python.mjs";
import { storeSnapshot } from "../docs/javascripts/calc-snapshot.mjs";

const [stdlibPath, packagePath, warmupPath, outDir] = process.argv.slice(2);

// Fixed time and randomness: file times, the clock Python reads at start and the seed of the C
// library's random generator all end up in memory. Python's own hash seed is fixed below; the
// calculators use no randomness, so a fixed seed in every reader's copy changes no result.
Date.now = () => Date.UTC(2026, 0, 1);
performance.now = () => 0;
nodeCrypto.randomFillSync = (view) => {
  new Uint8Array(view.buffer, view.byteOffset, view.byteLength).fill(0x5a);
  return view;
};

// Emscripten names the program after this script's path (Python's sys.argv[0] and $_): a
// browser's name for it keeps the build's folder out of the snapshot, wherever it was made.
process.argv[1] = "./this.program";

const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0" },
  stdLibURL: stdlibPath,
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => console.error(line),
});
importCalculators(pyodide, new Uint8Array(readFileSync(packagePath)));
pyodide.globals.set("warmup_json", readFileSync(warmupPath, "utf8"));
pyodide.runPython(readFileSync(new URL("./snapshot_prepare.py", import.meta.url), "utf8"));
try {
  pyodide.runPython("raise ValueError('warm-up: the modules that report an error')");
} catch {
  // expected: an error's way out of Python imports what it needs, now rather than later
}
pyodide.runPython("import gc; gc.collect()");
zeroFreeMemory(pyodide._module);
const snapshot = pyodide.makeMemorySnapshot();
const wasm = readFileSync(new URL("pyodide.asm.wasm", import.meta.resolve("pyodide")));
writeFileSync(`${outDir}/snapshot.bin`, storeSnapshot(snapshot, new Uint8Array(wasm)));

/**
 * Fill the free blocks below the highest byte in use with zeros (freed memory keeps old bytes,
 * which compress badly): take blocks from the allocator, largest first, zero them and give them
 * back. A block above the highest byte in use would only grow what is in use: it is returned.
 */
function zeroFreeMemory(module) {
  let high = module.HEAPU8.length;
  while (high > 0 && module.HEAPU8[high - 1] === 0) high--;
  const taken = [];
  for (let size = 1 << 20; size >= 16; size >>= 1) {
    for (let block = module._malloc(size); block; block = module._malloc(size)) {
      if (block + size > high) {
        module._free(block);
        break;
      }
      module.HEAPU8.fill(0, block, block + size);
      taken.push(block);
    }
  }
  for (const block of taken) module._free(block);
}
