/**
 * Async code across modules, lowered and run in the simulator
 * (test/firmware/async-modules.ts importing async-modules-lib.ts): imported
 * async functions (named and through a namespace import), an imported
 * trait and class with async methods (a mutex held across an await,
 * released in finally), and join over two async calls.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("async functions, traits and classes imported from another module work as in one file", async () => {
  const sim = await simulate("test/firmware/async-modules.ts");
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), [
    "3000 delayed 5",
    "4000 logged 6",
    "5000 a 1", // join: both calls run side by side
    "5000 b 2",
    "6000 total 33", // three 2 ms puts: 10 + 11 + 12; the third's timer, set at 4 ms, before ns's set at 5 ms
    "6000 ns 9",
    "12000 total 96", // then 20 + 21 + 22
  ]);
});

test.run();
