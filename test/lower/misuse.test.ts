/**
 * Async code that cannot work as written stops the firmware with a panic
 * naming the expression, never a wrong value or a bare allocation panic:
 * - `.value` of a future kept in a variable (test/firmware/select-value.ts):
 *   a select's loser never finished, so reading its value is a panic, not
 *   the zero or the stale value of an earlier round;
 * - an async call made outside async code after init
 *   (test/firmware/frame-outside.ts) would allocate its frame;
 * - a nullable local kept across an await, read as an object while null
 *   (test/firmware/null-frame-local.ts), where JavaScript would throw.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("a winner's and a join's values are read; a kept loser awaited later has its own again; a loser's value is a panic", async () => {
  const sim = await simulate("test/firmware/select-value.ts");
  sim.runFor("1s");
  assert.equal(lines(sim), [
    "1000 select winner 1",
    "1000 fast 200",
    "11000 awaited slow 101",
    "11000 slow 101",
    "14000 joined 15",
  ]);
  assert.is(sim.panic?.task, "user");
  assert.is(sim.panic?.message, "test/firmware/select-value.ts:32:24 c.value reads the value of a future that lost a select (or that a failed join cancelled): it never finished, so it has none; read the winner's (select returns its index)");
  assert.is(sim.now, 15_000);
});

test("an async call made at init runs; one a sync helper makes after init is a panic naming the call", async () => {
  const sim = await simulate("test/firmware/frame-outside.ts");
  sim.runFor("1s");
  assert.equal(lines(sim), ["2000 early 20"]);
  assert.is(sim.panic?.code, "ALLOC_AFTER_INIT");
  assert.is(sim.panic?.message, "work(n) (test/firmware/frame-outside.ts:13:10) makes a new frame per call, and this call runs after init outside async code, where nothing may be allocated: await the call in async code (its frame is then part of the caller's), or make the future at init");
  assert.is(sim.now, 2000);
});

test("a nullable local checked, then set to null by a closure while the branch awaits, is a null panic at the read", async () => {
  const sim = await simulate("test/firmware/null-frame-local.ts");
  sim.runFor("1s");
  assert.equal(lines(sim), ["0 id 7"]);
  assert.is(sim.panic?.code, "ABORT");
  assert.is(sim.panic?.message, "Unexpected 'null' (not assigned or failed cast)");
  assert.equal([sim.panic?.file, sim.panic?.line, sim.panic?.column], ["null-frame-local.ts", 23, 19]);
  assert.is(sim.panic?.task, "user");
  assert.is(sim.now, 1000);
});

test.run();
