import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { lines, simulate } from "../helpers/simulate.ts";

let sim: Simulator;

test.before(async () => {
  sim = await simulate("test/firmware/timeout.ts");
  sim.runFor("50ms");
});

test("the firmware runs every case without a panic", () => {
  assert.is(sim.panic, null);
  assert.ok(sim.tasks().every((t) => t.state === "finished"));
});

test("withTimeout: an inner future that finishes in time completes it, uncancelled", () => {
  assert.equal(lines(sim).slice(0, 4), ["2000 fast 2000", "2000  timedOut 0", "2000  polls 3", "2000  cancels 0"]);
});

test("withTimeout: at the deadline it times out and cancels the inner future exactly once", () => {
  assert.equal(lines(sim).slice(4, 8), ["7000 slow 7000", "7000  timedOut 1", "7000  polls 6", "7000  cancels 1"]);
});

test("withTimeout: when the value arrives at the deadline instant, the value wins", () => {
  assert.equal(lines(sim, "tie"), ["11000 tie at 11000", "11000 tie timedOut 0", "11000 tie value 5"]);
});

test("withTimeout: a timed-out receive takes nothing; the value that arrives later stays in the channel", () => {
  assert.equal(lines(sim, "receive"), [
    "13000 receive at 13000",
    "13000 receive timedOut 1",
    "15000 receive len 1",
    "15000 receive later 9",
  ]);
});

test("withTimeout(d, f), the allocating factory, re-arms and times out like the instance form", () => {
  assert.equal(lines(sim, "factory"), ["16000 factory at 16000", "16000 factory timedOut 1", "16000 factory cancels 1"]);
});

test.run();
