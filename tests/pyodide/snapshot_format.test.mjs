// The stored snapshot's format (calc-snapshot.mjs): zero pages left out and put back, the XOR
// with the real wasm's data segments, and files that are not a stored snapshot refused (the
// worker then starts Python the next way). Run by test_worker_handler.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  dataSegments,
  leaveOutZeroPages,
  putBackZeroPages,
  restoreSnapshot,
  storeSnapshot,
} from "../../docs/javascripts/calc-snapshot.mjs";

const PAGE = 4096;
const wasm = new Uint8Array(readFileSync(new URL("pyodide.asm.wasm", import.meta.resolve("pyodide"))));

/** A stand-in snapshot: Pyodide's 8-byte header (memory at 64), then memory with a few non-zero bytes. */
function fakeSnapshot(length, marks) {
  const snapshot = new Uint8Array(length);
  const header = new DataView(snapshot.buffer);
  header.setUint32(0, 0x706e7300, true); // "\0snp"
  header.setUint32(4, 64, true);
  for (const [at, value] of marks) snapshot[at] = value;
  return snapshot;
}

test("zero pages are left out and put back, whatever the length", () => {
  for (const length of [PAGE * 3, PAGE * 5 + 17, 100]) {
    const marks = [[10, 1], [PAGE * 2, 7], [length - 1, 9]].filter(([at]) => at < length);
    const snapshot = fakeSnapshot(length, marks);
    const stored = leaveOutZeroPages(snapshot);
    assert.deepEqual(putBackZeroPages(stored), snapshot);
  }
});

test("only the pages that are not zero are kept, adjacent ones as one run", () => {
  const snapshot = fakeSnapshot(PAGE * 10, [[PAGE * 4, 1], [PAGE * 5 + 3, 2], [PAGE * 8, 3]]);
  const stored = leaveOutZeroPages(snapshot);
  const words = new DataView(stored.buffer);
  assert.equal(words.getUint32(8, true), 3); // pages 0, 4-5 and 8
  assert.equal(stored.length, 4 * (3 + 2 * 3) + 4 * PAGE);
});

test("the real wasm's segments round-trip, and become zeros where memory still holds them", () => {
  const segments = dataSegments(wasm);
  assert.ok(segments.length > 0);
  const end = Math.max(...segments.map(({ offset, bytes }) => offset + bytes.length));
  const snapshot = fakeSnapshot(64 + end + PAGE, []);
  for (const { offset, bytes } of segments) snapshot.set(bytes, 64 + offset); // memory as loaded
  const original = snapshot.slice();
  const stored = storeSnapshot(snapshot, wasm);
  assert.ok(stored.length < 2 * PAGE + 1000, `stored ${stored.length} bytes`); // the header page only
  assert.deepEqual(restoreSnapshot(stored, wasm), original);
});

test("a file that is not a stored snapshot, or is cut short, is refused", () => {
  const stored = leaveOutZeroPages(fakeSnapshot(PAGE * 4, [[PAGE * 3, 5]]));
  assert.throws(() => putBackZeroPages(new TextEncoder().encode("not a snapshot")), /not one this site made/);
  assert.throws(() => putBackZeroPages(new Uint8Array(2)), /not one this site made/);
  assert.throws(() => putBackZeroPages(stored.subarray(0, stored.length - 1)), /cut short/);
  const longer = new Uint8Array(stored.length + 1);
  longer.set(stored);
  assert.throws(() => putBackZeroPages(longer), /left over/);
});
