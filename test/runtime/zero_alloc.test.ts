import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate, taskPolls } from "../helpers/simulate.ts";

const FIRMWARE = "test/firmware/zero_alloc.ts";

test("1,000,000+ polls through Signals, timers, a Channel, a Mutex and combinators never move the heap top", async () => {
  const sim = await simulate(FIRMWARE);
  const heapAfterInit = sim.heapTop();
  assert.ok(heapAfterInit > 0);
  sim.runFor("500ms");
  assert.is(sim.panic, null, "no ALLOC_AFTER_INIT (or any) panic");
  const polls = taskPolls(sim);
  assert.ok(polls >= 1_000_000, `ran ${polls} task polls`);
  assert.is(sim.heapTop(), heapAfterInit);
  assert.equal(lines(sim, "order"), [], "the consumer saw every value in order");
  assert.ok(lines(sim, "rounds").length >= 4, "the ping-pong made progress");
  const byName = new Map(sim.tasks().map((t) => [t.name, t.polls]));
  for (const name of ["ping", "pong", "producer", "consumer", "metronome"]) {
    assert.ok(byName.get(name)! > 1_000, `${name} kept running (${byName.get(name)} polls)`);
  }
});

test("the same firmware built MVP-only and size-optimised for an interpreter board behaves the same", async () => {
  const sim = await simulate(FIRMWARE, "wasm3-esp32");
  const heapAfterInit = sim.heapTop();
  sim.runFor("500ms");
  assert.is(sim.panic, null);
  assert.ok(taskPolls(sim) >= 1_000_000);
  assert.is(sim.heapTop(), heapAfterInit);
  assert.equal(lines(sim, "order"), []);
});

test.run();
