import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { lines, simulate } from "../helpers/simulate.ts";

let sim: Simulator;

test.before(async () => {
  sim = await simulate("test/firmware/signal.ts");
  sim.pin("P4").drive(1, 3_000);
  sim.pin("P4").drive(0, 5_000);
  sim.runFor("10ms");
});

test("the firmware runs without a panic and every task finishes", () => {
  assert.is(sim.panic, null);
  assert.ok(sim.tasks().every((t) => t.state === "finished"));
});

test("latest value wins: three signals in one poll wake the waiter once, with the last", () => {
  assert.equal(lines(sim, "latest"), ["2000 latest 3"]);
});

test("tryTake takes a pending value, fails when there is none, and reset drops one", () => {
  assert.equal(lines(sim, "tryTake"), [
    "2000 tryTake empty 0",
    "2000 tryTake 1",
    "2000 tryTake value 9",
    "2000 tryTake after reset 0",
  ]);
});

test("an event handler's signal wakes the waiting task at the edge's instant", () => {
  assert.equal(lines(sim, "edge"), ["3000 edge 1", "3000 edge at 3000", "5000 edge 0", "5000 edge at 5000"]);
});

test("a value signalled before anyone waits is taken by the first wait", () => {
  assert.equal(lines(sim, "early"), ["0 early 11"]);
});

test.run();
