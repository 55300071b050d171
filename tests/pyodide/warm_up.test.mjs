// The handler's warm-up after a snapshot start (calc-handler.mjs), with stand-in calculators:
// the reader's first valid run is repeated in the background, one run per task, and a request
// made meanwhile is answered at once. Run by test_worker_handler.py; the real engine's figures
// are in `make bench`.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { WARM_UP_RUNS, createHandler } from "../../docs/javascripts/calc-handler.mjs";
import { KIND, REPLY } from "../../docs/javascripts/calc-protocol.mjs";

/** A handler over calculators that count their runs; `coldCode` as after a snapshot start. */
async function started(coldCode) {
  const runs = [];
  const calculators = {
    python: "3.14.2",
    coldCode,
    run: async (calc, inputs) => {
      runs.push(inputs);
      return { text: "{}", exit: inputs === "bad" ? 2 : 0 };
    },
    errors: async () => "[]",
  };
  const handle = createHandler(async () => calculators);
  assert.equal((await handle({ id: 1, kind: KIND.START })).kind, REPLY.OK);
  return { handle, runs };
}

async function settled(runs) {
  for (let seen = -1; seen !== runs.length; ) {
    seen = runs.length;
    await sleep(20);
  }
}

test("after a snapshot start the first valid run is repeated in the background", async () => {
  const { handle, runs } = await started(true);
  await handle({ id: 2, kind: KIND.RUN, calc: "msm", inputs: "bad" }); // not valid: no warm-up
  await handle({ id: 3, kind: KIND.RUN, calc: "msm", inputs: "first" });
  const reply = await handle({ id: 4, kind: KIND.RUN, calc: "msm", inputs: "meanwhile" });
  assert.equal(reply.kind, REPLY.OK);
  assert.ok(runs.filter((inputs) => inputs === "first").length < WARM_UP_RUNS / 2, "answered during the warm-up");
  await settled(runs);
  await handle({ id: 5, kind: KIND.RUN, calc: "msm", inputs: "again" }); // once per worker
  await settled(runs);
  assert.equal(runs.filter((inputs) => inputs === "first").length, 1 + WARM_UP_RUNS);
  assert.deepEqual(runs.filter((inputs) => inputs !== "first"), ["bad", "meanwhile", "again"]);
});

test("a start that ran Python's code already (bytecode, source) is not warmed up", async () => {
  const { handle, runs } = await started(false);
  await handle({ id: 2, kind: KIND.RUN, calc: "msm", inputs: "first" });
  await settled(runs);
  assert.deepEqual(runs, ["first"]);
});
