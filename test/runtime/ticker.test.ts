import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("a 1 ms Ticker has no drift over 1,000,000 ticks, even after the task was late", async () => {
  const sim = await simulate("test/firmware/ticker.ts");
  sim.runFor("1001s");
  assert.is(sim.panic, null);
  const samples = Array.from({ length: 10 }, (_, i) => `${(i + 1) * 100_000_000} tick ${(i + 1) * 100_000_000}`);
  assert.equal(lines(sim, "tick"), samples);
  // The last tick is due at start (0) + 1,000,000 periods, to the µs.
  assert.equal(lines(sim, "last"), ["1000000000 last 1000000000"]);
  assert.equal(lines(sim, "count"), ["1000000000 count 1000000"]);
  // Missed ticks arrive at once when the task comes back; the next is on the grid.
  assert.equal(lines(sim, "late"), [
    "250003500 late 250001",
    "250003500 late 250002",
    "250003500 late 250003",
    "700010200 late 700001",
    "700010200 late 700002",
    "700010200 late 700003",
    "700010200 late 700004",
    "700010200 late 700005",
    "700010200 late 700006",
    "700010200 late 700007",
    "700010200 late 700008",
    "700010200 late 700009",
    "700010200 late 700010",
  ]);
  const [task] = sim.tasks();
  assert.is(task!.state, "finished");
  // One poll per tick: the missed ticks and the two naps add no extra polls.
  assert.is(task!.polls, 1_000_000 - 3 - 10 + 2 + 1);
});

test("missed ticks: catch-up delivers each at once, skipMissed drops them and keeps the phase", async () => {
  const sim = await simulate("test/firmware/ticker_policy.ts");
  sim.runFor("200ms");
  assert.is(sim.panic, null);
  assert.equal(lines(sim, "catchup"), [
    "10000 catchup 10000",
    "20000 catchup 20000",
    "55000 catchup 55000",
    "55000 catchup 55000",
    "55000 catchup 55000",
    "60000 catchup 60000",
    "70000 catchup 70000",
  ]);
  assert.equal(lines(sim, "skip"), [
    "10000 skipper 10000",
    "20000 skipper 20000",
    "55000 skipped 3",
    "60000 skipper 60000",
    "70000 skipper 70000",
  ]);
});

test("a cancelled next() consumes no tick; reset() restarts the grid from now", async () => {
  const sim = await simulate("test/firmware/ticker_policy.ts");
  sim.runFor("200ms");
  assert.equal(lines(sim, "gave up"), ["4000 gave up 4000"]);
  assert.equal(lines(sim, "after cancel"), ["10000 after cancel 10000", "10000 after cancel ticks 1"]);
  assert.equal(lines(sim, "after reset"), ["20000 after reset 20000"]);
});

test.run();
