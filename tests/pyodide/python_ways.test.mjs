// withFallback (calc-python.mjs) with stand-in calculators: a run that needs a module the first
// way lacks is repeated on the next way, which starts once however many runs wait for it.
// Run by test_worker_handler.py; the real snapshot's fallback is in test_parity.py.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CAUSE } from "../../docs/javascripts/calc-protocol.mjs";
import { withFallback } from "../../docs/javascripts/calc-python.mjs";

function pythonError(missingModule) {
  const error = new Error("Python raised", { cause: CAUSE.PYTHON });
  error.missingModule = missingModule;
  return error;
}

/** Calculators of one way: `failWith(calc)` gives the error a run of `calc` raises, if any. */
function fakeWay(way, failWith = () => null) {
  const answer = (calc, inputs) => {
    const error = failWith(calc);
    if (error) throw error;
    return { text: `${way}:${calc}:${inputs}`, exit: 0 };
  };
  return { python: "3.14.2", pyodide: way, way, run: answer, errors: (c, i) => answer(c, i).text };
}

test("a run that lacks a module is repeated on the next way, which then keeps the runs", async () => {
  let starts = 0;
  const first = fakeWay("snapshot", (calc) => (calc === "needs_csv" ? pythonError(true) : null));
  const calculators = withFallback(first, async () => {
    starts += 1;
    return fakeWay("bytecode");
  });
  assert.deepEqual(await calculators.run("msm", "{}"), { text: "snapshot:msm:{}", exit: 0 });
  assert.equal(calculators.way, "snapshot");
  assert.deepEqual(await calculators.run("needs_csv", "{}"), { text: "bytecode:needs_csv:{}", exit: 0 });
  assert.equal(calculators.way, "bytecode");
  assert.equal(calculators.pyodide, "bytecode");
  assert.equal(await calculators.errors("msm", "{}"), "bytecode:msm:{}");
  assert.equal(starts, 1);
});

test("runs waiting together start the next way once", async () => {
  let starts = 0;
  const calculators = withFallback(fakeWay("snapshot", () => pythonError(true)), async () => {
    starts += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return fakeWay("bytecode");
  });
  const replies = await Promise.all(["a", "b", "c"].map((calc) => calculators.run(calc, "{}")));
  assert.deepEqual(replies.map((r) => r.text), ["bytecode:a:{}", "bytecode:b:{}", "bytecode:c:{}"]);
  assert.equal(starts, 1);
});

test("any other error is the run's own: nothing restarts", async () => {
  const other = pythonError(false);
  const calculators = withFallback(fakeWay("snapshot", () => other), () => {
    throw new Error("must not start");
  });
  await assert.rejects(calculators.run("msm", "{}"), (error) => error === other);
  assert.equal(calculators.way, "snapshot");
});

test("a next way that cannot start fails the run with its start error", async () => {
  const calculators = withFallback(fakeWay("snapshot", () => pythonError(true)), async () => {
    throw new Error("no bytecode", { cause: CAUSE.START });
  });
  await assert.rejects(calculators.run("msm", "{}"), { message: "no bytecode" });
});
