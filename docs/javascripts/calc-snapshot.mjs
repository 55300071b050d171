// A Pyodide memory snapshot stored as its difference from the wasm's own initial memory.
// A snapshot is Pyodide's header and JSON, then the whole wasm memory (31 MB, 9 MB of it not
// zero). About 3 MB of that memory are the wasm file's data segments, unchanged since start-up,
// and the wasm already travels to the reader: XOR-ing the memory with those segments turns
// them into zeros, which compress to nearly nothing (brotli: 3.5 MB -> 2.5 MB). XOR is its own
// inverse, so the build (build_tools/snapshot.mjs) and the worker call the same function.
// Shared by the build, the worker and the Node parity harness; it imports nothing.

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
