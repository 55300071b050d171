// The worker's message handler in Node (node --test), with Pyodide from node_modules and the
// built archive with test faults (tests/fault_archive.py). Run by test_worker_handler.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import { loadPyodide } from "pyodide";
import { createHandler } from "../../docs/javascripts/calc-handler.mjs";
import { CAUSE, KIND, REPLY } from "../../docs/javascripts/calc-protocol.mjs";
import { startCalculators } from "../../docs/javascripts/calc-python.mjs";

const archive = new Uint8Array(readFileSync(process.env.FAULTY_ARCHIVE));
const MSM = JSON.stringify({ duration_months: 6, severity: "mild", failed_antidepressants: 2 });
const fault = (months) => JSON.stringify({ duration_months: months });

/** A boot like the worker's: real Pyodide, the archive, a notice after each step. */
async function realBoot(_files, notify) {
  const load = async (options) => {
    const pyodide = await loadPyodide(options);
    notify("python");
    return pyodide;
  };
  return startCalculators(load, { stdout: () => {}, stderr: () => {} }, archive);
}

function isOneLine(reply) {
  return typeof reply.error === "string" && !reply.error.includes("\n") && !/Traceback/.test(reply.error);
}

let handle;
let notices;
before(async () => {
  handle = createHandler(realBoot);
  notices = [];
  const reply = await handle({ id: 1, kind: KIND.START }, (n) => notices.push(n));
  assert.equal(reply.kind, REPLY.OK, JSON.stringify(reply));
});

test("start replies with the Python version after a progress notice", () => {
  assert.deepEqual(notices, [{ id: 1, kind: REPLY.PROGRESS, step: "python" }]);
});

test("a second start reuses the running Python", async () => {
  const reply = await handle({ id: 2, kind: KIND.START });
  assert.equal(reply.kind, REPLY.OK);
  assert.match(reply.value.python, /^3\.14\./);
});

test("run gives the CLI's text and exit code", async () => {
  const ok = await handle({ id: 3, kind: KIND.RUN, calc: "msm", inputs: MSM });
  assert.equal(ok.id, 3);
  assert.equal(ok.value.exit, 0);
  assert.equal(JSON.parse(ok.value.text).calculator, "msm");
  const invalid = await handle({ id: 4, kind: KIND.RUN, calc: "msm", inputs: "{}" });
  assert.equal(invalid.value.exit, 2);
  assert.ok(JSON.parse(invalid.value.text).error.field);
});

test("errors lists every problem at once, where run reports only the first", async () => {
  const inputs = JSON.stringify({ duration_months: -1, severity: "worst" });
  const reply = await handle({ id: 40, kind: KIND.ERRORS, calc: "msm", inputs });
  assert.equal(reply.kind, REPLY.OK, JSON.stringify(reply));
  assert.equal(reply.id, 40);
  const problems = JSON.parse(reply.value);
  const fields = problems.map((p) => p.field).sort();
  assert.deepEqual(fields, ["duration_months", "failed_antidepressants", "severity"]);
  for (const { message } of problems) assert.ok(typeof message === "string" && message.length > 0);
  const first = await handle({ id: 41, kind: KIND.RUN, calc: "msm", inputs });
  assert.equal(first.value.exit, 2);
  assert.ok(fields.includes(JSON.parse(first.value.text).error.field));
  const none = await handle({ id: 42, kind: KIND.ERRORS, calc: "msm", inputs: MSM });
  assert.deepEqual(JSON.parse(none.value), []);
  const unknown = await handle({ id: 43, kind: KIND.ERRORS, calc: "nope", inputs: MSM });
  assert.equal(JSON.parse(unknown.value)[0].field, "calculator");
  const bad = await handle({ id: 44, kind: KIND.ERRORS, calc: "msm", inputs: { duration_months: 6 } });
  assert.equal(bad.cause, CAUSE.REQUEST);
  const early = await createHandler(realBoot)({ id: 45, kind: KIND.ERRORS, calc: "msm", inputs: MSM });
  assert.equal(early.cause, CAUSE.REQUEST);
});

test("every malformed message gets an error reply", async () => {
  const cases = [
    [{ id: 5, kind: "stop" }, 5],
    [{ id: 6, kind: "__proto__" }, 6],
    [{ id: 7 }, 7],
    [null, null],
    ["start", null],
    [{ id: "8", kind: KIND.RUN, calc: "msm", inputs: MSM }, null],
    [{ id: 9, kind: KIND.RUN, calc: "msm", inputs: { duration_months: 6 } }, 9],
    [{ id: 10, kind: KIND.RUN }, 10],
  ];
  for (const [message, id] of cases) {
    const reply = await handle(message);
    assert.equal(reply.kind, REPLY.ERROR, JSON.stringify(message));
    assert.equal(reply.cause, CAUSE.REQUEST, JSON.stringify(message));
    assert.equal(reply.id, id);
    assert.ok(isOneLine(reply));
  }
});

test("a Python exception is a PYTHON error without a traceback, and Python keeps working", async () => {
  for (const months of [111, 444]) {
    const reply = await handle({ id: 11, kind: KIND.RUN, calc: "msm", inputs: fault(months) });
    assert.equal(reply.kind, REPLY.ERROR);
    assert.equal(reply.cause, CAUSE.PYTHON);
    assert.ok(isOneLine(reply), reply.error);
  }
  const again = await handle({ id: 12, kind: KIND.RUN, calc: "msm", inputs: MSM });
  assert.equal(again.value.exit, 0);
});

test("an interpreter that exits is FATAL, and every later run is refused at once", async () => {
  const reply = await handle({ id: 13, kind: KIND.RUN, calc: "msm", inputs: fault(222) });
  assert.equal(reply.cause, CAUSE.FATAL);
  assert.ok(isOneLine(reply), reply.error);
  const later = await handle({ id: 14, kind: KIND.RUN, calc: "msm", inputs: MSM });
  assert.equal(later.kind, REPLY.ERROR);
  assert.equal(later.cause, CAUSE.FATAL);
});

test("run before start is refused", async () => {
  const fresh = createHandler(realBoot);
  const reply = await fresh({ id: 1, kind: KIND.RUN, calc: "msm", inputs: MSM });
  assert.equal(reply.cause, CAUSE.REQUEST);
});

test("a failed start is one line, and a later start tries again", async () => {
  let calls = 0;
  const flaky = createHandler(async (files) => {
    calls += 1;
    if (calls === 1) throw new Error("first line\n  Traceback (most recent call last):\n  more");
    return { python: "3.14.0", run: () => ({ text: "{}", exit: 0 }), files };
  });
  const failed = await flaky({ id: 1, kind: KIND.START });
  assert.equal(failed.cause, CAUSE.START);
  assert.equal(failed.error, "first line");
  const ok = await flaky({ id: 2, kind: KIND.START, files: { "http://x/a.wasm": new ArrayBuffer(3), bad: "no" } });
  assert.equal(ok.kind, REPLY.OK);
  assert.equal(calls, 2);
});

test("start hands only files (byte buffers or Blobs) to the boot", async () => {
  let seen;
  const spy = createHandler(async (files) => {
    seen = files;
    return { python: "3.14.0", run: () => ({ text: "{}", exit: 0 }) };
  });
  const files = {
    "http://x/a.wasm": new ArrayBuffer(3),
    "http://x/stdlib.zip": new Blob([new Uint8Array([80, 75])]),
    "http://x/b": "text",
    "http://x/c": { size: 2 },
    __proto__: null,
  };
  await spy({ id: 1, kind: KIND.START, files });
  assert.deepEqual([...seen.keys()], ["http://x/a.wasm", "http://x/stdlib.zip"]);
  assert.ok(seen.get("http://x/stdlib.zip") instanceof Blob);
});

test("an archive that does not import is a START error naming no traceback", async () => {
  const broken = createHandler(() =>
    startCalculators(loadPyodide, { stdout: () => {}, stderr: () => {} }, new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)])),
  );
  const reply = await broken({ id: 1, kind: KIND.START });
  assert.equal(reply.cause, CAUSE.START);
  assert.ok(isOneLine(reply), reply.error);
  assert.match(reply.error, /calculators could not be loaded/);
});
