import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { lines, simulate } from "../helpers/simulate.ts";

let sim: Simulator;

test.before(async () => {
  sim = await simulate("test/firmware/select.ts");
  sim.runFor("100ms");
});

/** The block a scenario reported: "<at> <scenario> <at>", then its counters (text starting with a space). */
function report(scenario: string): string[] {
  const all = lines(sim);
  const start = all.findIndex((l) => new RegExp(`^\\d+ ${scenario} \\d+$`).test(l));
  assert.ok(start >= 0, `scenario ${scenario} reported`);
  let end = start + 1;
  while (end < all.length && /^\d+  /.test(all[end]!)) end++;
  return all.slice(start, end);
}

test("the firmware runs every scenario without a panic", () => {
  assert.is(sim.panic, null);
  assert.equal(lines(sim, "done"), ["42000 done"]);
});

test("select: the timer beats a pending future at its deadline and the loser is cancelled once", () => {
  assert.equal(report("s1"), [
    "10000 s1 10000",
    "10000  winner 1",
    "10000  p1 polls 11", // at 0, then every 1 ms until the timer won
    "10000  p1 cancels 1",
    "10000  p2 polls 0",
    "10000  p2 cancels 0",
  ]);
});

test("select: a loser that was never polled is still cancelled once", () => {
  assert.equal(report("s2"), [
    "10000 s2 10000",
    "10000  winner 0",
    "10000  p1 polls 0",
    "10000  p1 cancels 1",
    "10000  p2 polls 0",
    "10000  p2 cancels 0",
  ]);
});

test("select3: the third branch wins with its value; both losers are cancelled once", () => {
  // The helper's wake at 25 ms, armed at 0, comes before the probes' (armed at 24 ms): one poll at 25 ms sees the signal.
  assert.equal(report("s3"), [
    "25000 s3 25000",
    "25000  winner 2",
    "25000  p1 polls 16",
    "25000  p1 cancels 1",
    "25000  p2 polls 16",
    "25000  p2 cancels 1",
  ]);
  assert.equal(lines(sim, "s3 value"), ["25000 s3 value 7"]);
});

test("a cancelled select cancels each pending branch exactly once", () => {
  assert.equal(lines(sim, "s4 timedOut"), ["28000 s4 timedOut 1"]);
  assert.equal(report("s4"), [
    "28000 s4 28000",
    "28000  p1 polls 4",
    "28000  p1 cancels 1",
    "28000  p2 polls 4",
    "28000  p2 cancels 1",
  ]);
});

test("select: when two branches could complete in one poll, the first wins and the second is cancelled unpolled", () => {
  assert.equal(report("s5"), [
    "29000 s5 29000",
    "29000  winner 0",
    "29000  p1 polls 2",
    "29000  p1 cancels 0",
    "29000  p2 polls 1",
    "29000  p2 cancels 1",
  ]);
});

test("join: completes when the last child does and stops polling completed children", () => {
  assert.equal(report("j1"), [
    "39000 j1 39000",
    "39000  p1 polls 3",
    "39000  p1 cancels 0",
    "39000  p2 polls 1",
    "39000  p2 cancels 1",
  ]);
});

test("a cancelled join cancels only its pending children, once each", () => {
  assert.equal(lines(sim, "j2 timedOut"), ["41000 j2 timedOut 1"]);
  assert.equal(report("j2"), [
    "41000 j2 41000",
    "41000  p1 polls 3",
    "41000  p1 cancels 1",
    "41000  p2 polls 3",
    "41000  p2 cancels 1",
  ]);
});

test("a receive that loses a select gives back its waiter and takes no value", () => {
  assert.equal(lines(sim, "s6"), ["42000 s6 winner 1", "42000 s6 received 42"]);
});

test.run();
