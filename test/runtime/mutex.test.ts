import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("Mutex: waiters acquire in arrival order, a timed-out lock leaves the queue, a cancelled grant passes on", async () => {
  const sim = await simulate("test/firmware/mutex.ts");
  sim.runFor("50ms");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), [
    "0 holder locked 1",
    "8000 w5 timedOut 1",
    // unlock hands the mutex straight to the oldest waiter: the holder cannot take it back
    "10000 holder relock 0",
    "10000 w4 acquired 10000",
    "11000 w2 acquired 11000",
    "12000 w1 acquired 12000",
    "13000 w3 acquired 13000",
    // w6 was handed the mutex at 14 ms, but its select's timer branch won first
    "14000 w6 winner 0",
    "14000 w6 locked 1",
    "14000 w7 acquired 14000",
  ]);
  assert.ok(sim.tasks().every((t) => t.state === "finished"));
});

test.run();
