/**
 * Control flow in async functions, lowered and run in the simulator:
 * test/firmware/async-control.ts (loops, switch, branches, early returns,
 * nested awaits) and test/firmware/async-finally.ts (try/finally on every
 * exit, and on cancellation: async drop). Times are exact virtual µs.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("loops, switch, branches, early returns and nested awaits compute what they would in TypeScript, at the awaited times", async () => {
  const sim = await simulate("test/firmware/async-control.ts");
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), [
    "40000 for 8", // i = 0, 1, 3, 4 wait 10 ms each; 2 is skipped, 5 breaks
    "44000 while 3", // four 1 ms ticks; the fourth reads 0
    "47000 do 3",
    "48000 pick1 10",
    "49000 pick2 23", // falls through into case 3
    "50000 pick3 3",
    "52000 pick9 -1",
    "54000 branch9 101",
    "56000 branch0 7",
    "57000 branch2 -2",
    "60000 nested 5",
    "63000 mixed 2006",
    "63000 done",
  ]);
  assert.equal(sim.tasks().map((t) => t.state), ["finished"]);
});

test("finally runs on normal exit, return, break and continue, and when the future is cancelled by select or a timeout", async () => {
  const sim = await simulate("test/firmware/async-finally.ts");
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), [
    "0 acquire 1",
    "10000 used 1",
    "10000 release 1",
    "10000 normal 2",
    // The timer wins at 30 ms: the call is cancelled and its finally runs before select completes.
    "10000 acquire 2",
    "40000 release 2",
    "40000 select 1",
    "40000 acquire 3",
    "50000 used 3",
    "50000 release 3",
    "50000 select 0",
    // Cancelled inside two try blocks: inner finally, then outer.
    "55000 inner 4",
    "70000 inner finally 4",
    "70000 outer finally 4",
    "70000 layered cancelled",
    "71000 loop finally 0",
    "72000 loop finally 1",
    "73000 loop finally 2",
    "74000 loop finally 3",
    "74000 loops 24",
    // withTimeout cancels outer(), which cancels guarded(): both finally blocks, innermost first.
    "74000 acquire 5",
    "124000 release 5",
    "124000 outer release 5",
    "124000 timed out 1",
    "124000 done",
  ]);
});

test.run();
