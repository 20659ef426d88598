import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { lines, simulate } from "../helpers/simulate.ts";

let sim: Simulator;

test.before(async () => {
  sim = await simulate("test/firmware/fairness.ts");
  sim.runFor("5ms");
});

test("a task that yields on every poll cannot starve two tasks that wake each other", () => {
  assert.is(sim.panic, null);
  const turns = lines(sim).filter((l) => / [SAB] /.test(l)).map((l) => l.split(" ").slice(1).join(""));
  // Each wake puts a task at the back of the run queue: the spinner gets every other turn.
  assert.equal(turns, [
    "S1", "A1", "B1",
    "S2", "A2", "S3", "B2", "S4", "A3", "S5", "B3", "S6", "A4", "S7", "B4", "S8", "A5", "S9", "B5", "S10", "A6", "S11", "B6",
    "S12",
  ]);
  assert.ok(lines(sim).filter((l) => / [SAB] /.test(l)).every((l) => l.startsWith("0 ")), "all at t = 0");
});

test("three tasks that all yield run strictly round robin", () => {
  const turns = lines(sim, "Y").map((l) => l.split(" ").slice(1).join(""));
  assert.equal(turns, ["Y01", "Y11", "Y21", "Y02", "Y12", "Y22", "Y03", "Y13", "Y23", "Y04", "Y14", "Y24"]);
});

test.run();
