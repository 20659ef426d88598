/**
 * Async methods, lowered and run in the simulator: methods of classes,
 * trait methods called through an interface (dynamic dispatch), the HAL's
 * Read implemented with async syntax, static async methods, a task over a
 * named function, and the BUSY panic for two concurrent calls on one object.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("async trait methods dispatch on the object's class, and an async Read works where the HAL expects one", async () => {
  const sim = await simulate("test/firmware/async-methods.ts");
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), [
    "3000 report 3",
    "5000 again 5",
    "11000 slow 201", // SlowSensor: 10 ms, 1st read → 2; Counter: 1 ms, byte 0, 1 byte
    "12000 fast 1411", // FastSensor: no wait, 7 × 2; byte 1
    "23000 slow 421",
    "25000 twice 6", // static async method: two reads (bytes 3 and 4)
  ]);
  assert.equal(sim.tasks().map((t) => `${t.name} ${t.state}`), ["traits finished", "reporter finished", "reporter finished"]);
});

test("two concurrent calls of one object's async method each run with their own arguments: every call site has its own frame", async () => {
  const sim = await simulate("test/firmware/async-concurrent.ts");
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), ["1000 sampling 1", "2000 sampling 2", "11000 sampled 101", "12000 sampled 202"]);
});

test.run();
