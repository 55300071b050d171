// A Pyodide memory snapshot as stored: its difference from the wasm's own initial memory, with
// the pages that are zero left out.
// A snapshot is Pyodide's header and JSON, then the whole wasm memory (31 MB, about 10 MB of it
// not zero). About 3 MB of that memory are the wasm file's data segments, unchanged since
// start-up, and the wasm already travels to the reader: XOR-ing the memory with those segments
// turns them into zeros, which compress to nearly nothing (brotli: 3.5 MB -> 2.5 MB). XOR is
// its own inverse, so the build and the worker call the same function. Leaving out the zero
// pages makes the file the browser decompresses, keeps and hands to the worker a third as big.
// Shared by the build (build_tools/snapshot.mjs), the worker and the Node parity harness; it
// imports nothing.

/** An empty zip (its end record alone): the standard library a restored snapshot mounts. */
export const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

const DATA_SECTION = 11;
const I32_CONST = 0x41;
const END = 0x0b;

/** An unsigned LEB128 number at `at`: [value, position after it]. */
function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/**
 * The active data segments of a wasm module: where each one lands in memory and its bytes.
 * Throws on a segment of any other kind (a build that needs them is not one this code knows).
 * @param {Uint8Array} wasm the module's bytes
 * @returns {{ offset: number, bytes: Uint8Array }[]}
 */
export function dataSegments(wasm) {
  let at = 8; // magic and version
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb128(wasm, at + 1);
    if (id === DATA_SECTION) return readSegments(wasm, body);
    at = body + size;
  }
  return [];
}

function readSegments(wasm, at) {
  const segments = [];
  let count;
  [count, at] = leb128(wasm, at);
  for (let i = 0; i < count; i++) {
    let flags;
    let offset;
    let length;
    [flags, at] = leb128(wasm, at);
    if (flags !== 0 || wasm[at] !== I32_CONST) throw new Error(`wasm data segment ${i} is not active`);
    [offset, at] = leb128(wasm, at + 1); // positive offsets only: below 2**31, as here
    if (wasm[at] !== END) throw new Error(`wasm data segment ${i} has an unknown offset`);
    [length, at] = leb128(wasm, at + 1);
    segments.push({ offset, bytes: wasm.subarray(at, at + length) });
    at += length;
  }
  return segments;
}

/**
 * XOR the memory part of a Pyodide snapshot with the wasm's data segments, in place: a full
 * snapshot becomes the stored difference, and the stored difference becomes the snapshot again.
 * The memory starts at the offset in the header's second 32-bit word (Pyodide 314's layout).
 * @param {Uint8Array} snapshot
 * @param {{ offset: number, bytes: Uint8Array }[]} segments
 * @returns {Uint8Array} the same array
 */
export function xorWithSegments(snapshot, segments) {
  const header = new DataView(snapshot.buffer, snapshot.byteOffset, 8);
  const memory = snapshot.subarray(header.getUint32(4, true));
  for (const { offset, bytes } of segments) {
    if (offset + bytes.length > memory.length) throw new Error("snapshot smaller than the wasm's memory");
    for (let i = 0; i < bytes.length; i++) memory[offset + i] ^= bytes[i];
  }
  return snapshot;
}

const MAGIC = 0x53445254; // "TRDS", little-endian
const PAGE = 4096;
const HEADER_WORDS = 3; // magic, the snapshot's length, the number of runs

/**
 * The snapshot without its zero pages: a header (magic, length, run count), then each run of
 * non-zero 4 KiB pages as (offset, length), then the runs' bytes one after another.
 * @param {Uint8Array} snapshot
 * @returns {Uint8Array}
 */
export function leaveOutZeroPages(snapshot) {
  const runs = [];
  for (let start = 0; start < snapshot.length; start += PAGE) {
    const page = snapshot.subarray(start, start + PAGE);
    if (page.every((byte) => byte === 0)) continue;
    const last = runs.at(-1);
    if (last && last.offset + last.length === start) last.length += page.length;
    else runs.push({ offset: start, length: page.length });
  }
  const table = 4 * (HEADER_WORDS + 2 * runs.length);
  const stored = new Uint8Array(table + runs.reduce((sum, run) => sum + run.length, 0));
  const words = new DataView(stored.buffer);
  words.setUint32(0, MAGIC, true);
  words.setUint32(4, snapshot.length, true);
  words.setUint32(8, runs.length, true);
  let at = table;
  runs.forEach(({ offset, length }, i) => {
    words.setUint32(4 * (HEADER_WORDS + 2 * i), offset, true);
    words.setUint32(4 * (HEADER_WORDS + 2 * i + 1), length, true);
    stored.set(snapshot.subarray(offset, offset + length), at);
    at += length;
  });
  return stored;
}

/**
 * The snapshot with its zero pages back (the inverse of leaveOutZeroPages). Throws on a file
 * that is not one, or is cut short.
 * @param {Uint8Array} stored
 * @returns {Uint8Array}
 */
export function putBackZeroPages(stored) {
  const words = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  if (stored.length < 4 * HEADER_WORDS || words.getUint32(0, true) !== MAGIC) {
    throw new Error("the stored snapshot is not one this site made");
  }
  const snapshot = new Uint8Array(words.getUint32(4, true));
  const count = words.getUint32(8, true);
  let at = 4 * (HEADER_WORDS + 2 * count);
  for (let i = 0; i < count; i++) {
    const offset = words.getUint32(4 * (HEADER_WORDS + 2 * i), true);
    const length = words.getUint32(4 * (HEADER_WORDS + 2 * i + 1), true);
    if (at + length > stored.length || offset + length > snapshot.length) {
      throw new Error("the stored snapshot is cut short");
    }
    snapshot.set(stored.subarray(at, at + length), offset);
    at += length;
  }
  if (at !== stored.length) throw new Error("the stored snapshot has bytes left over");
  return snapshot;
}

/** The file to publish for a snapshot Pyodide made (the build). */
export function storeSnapshot(snapshot, wasm) {
  return leaveOutZeroPages(xorWithSegments(snapshot, dataSegments(wasm)));
}

/** The snapshot Pyodide made, from the published file and the wasm's bytes (the worker). */
export function restoreSnapshot(stored, wasm) {
  return xorWithSegments(putBackZeroPages(stored), dataSegments(wasm));
}
