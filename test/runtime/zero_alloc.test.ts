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

test("async code: 2,000 rounds of thrown and caught errors, generators left early, awaiting cleanups and closure calls never move the heap top", async () => {
  const sim = await simulate("test/firmware/zero_alloc_async.ts");
  const heapAfterInit = sim.heapTop();
  sim.runUntil(() => lines(sim, "rounds").length >= 2, "10s");
  assert.equal(lines(sim, "rounds"), ["999000 rounds 1000", "1999000 rounds 2000"]);
  assert.is(sim.panic, null, "no ALLOC_AFTER_INIT (or any) panic");
  assert.equal(lines(sim, "wrong"), [], "every round computed what native async/await would");
  assert.is(sim.heapTop(), heapAfterInit);
});

for (const board of ["sim", "wasm3-esp32"]) {
  test(`arrays grow during init, in place and by moving, with their contents; growing one after init panics (${board})`, async () => {
    const sim = await simulate("test/firmware/heap_grow.ts", board);
    assert.equal(lines(sim), ["0 sum 827", "0 len 40"]); // 1 + … + 40 = 820, and 7
    assert.ok(sim.panic, "the push after init panicked");
    assert.is(sim.panic!.code, "ALLOC_AFTER_INIT");
    assert.match(sim.panic!.message, /^task "late" allocated \d+ bytes after init/);
  });
}

test.run();
