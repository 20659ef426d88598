/** `TimerDelay` (hal/timer_delay.ts), through test/firmware/hal-delay.ts. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, logLines } from "./support.ts";

test("delayMs and delayUs complete exactly that long after the call; zero and negative at once", async () => {
  const sim = await boot("test/firmware/hal-delay.ts");
  sim.runFor("7ms");
  assert.equal(logLines(sim), ["5000 ms5 5000", "6500 us1500 6500", "6500 ms0 6500", "6500 us-3 6500"]);
});

test("a second delay on a Delay with one in flight is a BUSY panic naming the delay", async () => {
  const sim = await boot("test/firmware/hal-delay.ts");
  sim.runFor("20ms");
  assert.ok(sim.panic);
  assert.is(sim.panic!.code, "BUSY");
  assert.is(sim.panic!.message, 'delay "shared" already has a delay in flight: await it or cancel it before starting another');
  assert.is(sim.panic!.task, "intruder");
  assert.is(sim.panic!.at, 6500);
});

test.run();
