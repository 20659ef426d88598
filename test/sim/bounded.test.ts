/**
 * Bounded simulator memory (sim/ring.ts, LoadOptions.historyLimit and
 * logRate): a history keeps its newest entries and counts all of them, and
 * a firmware that floods its log keeps `logRate` lines a second of virtual
 * time, with one warning a second saying how many it dropped. The peak
 * memory of long runs is measured in bench/memory.bench.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { assemble, firmware, moduleText } from "../fixtures/wat.ts";

/** Logs "tick" every millisecond of virtual time, from 0. */
const ticker = assemble(
  moduleText(`
    (data (i32.const 64) "tick")
    (func (export "outpost_poll") (result i64)
      (call $log (i32.const 3) (i32.const 64) (i32.const 4))
      (i64.add (call $now_us) (i64.const 1000)))`),
);

test("a log flood keeps logRate lines a second and says once a second how many it dropped", async () => {
  const sim = await Simulator.load(ticker, { logRate: 100 });
  sim.runFor("2500ms");
  const warnings = sim.logs.filter((l) => l.level === 2);
  assert.equal(
    warnings.map((l) => [l.at, l.text]),
    [1, 2].map((s) => [s * 1_000_000, `sim: 900 log lines dropped between ${s - 1}.000000s and ${s}.000000s (more than 100 in one second of virtual time)`]),
  );
  const ticks = sim.logs.filter((l) => l.text === "tick").map((l) => l.at);
  // Each second keeps its first 100 ticks (0 … 99 ms of it); the half second at the end has 500, of which 100 are kept.
  assert.equal(ticks, [0, 1, 2].flatMap((s) => Array.from({ length: 100 }, (_, i) => s * 1_000_000 + i * 1000)));
});

test("logRate 0 keeps every line", async () => {
  const sim = await Simulator.load(ticker, { logRate: 0 });
  sim.runFor("1500ms");
  assert.is(sim.logs.length, 1501);
});

test("a pin's history keeps the newest historyLimit changes and counts them all", async () => {
  const sim = await Simulator.load(firmware("blinky"), { historyLimit: 4 });
  sim.runFor("10s"); // high at 0, then a change every 500 ms: 21 changes up to 10 s
  const led = sim.pin("LED1");
  assert.is(led.changeCount, 21);
  assert.equal(
    led.history.map((c) => [c.at, c.level]),
    [
      [8_500_000, 0],
      [9_000_000, 1],
      [9_500_000, 0],
      [10_000_000, 1],
    ],
  );
});

test.run();
