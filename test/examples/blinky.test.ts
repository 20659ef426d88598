/** examples/blinky: LED1 on at boot, then toggled every 500 ms. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, logLines } from "../hal/support.ts";

test("LED1 turns on at boot and toggles every 500 ms, exactly", async () => {
  const sim = await boot("examples/blinky/main.ts");
  sim.runFor("3s");
  assert.equal(sim.pin("LED1").history.map((c) => `${c.at}:${c.level}`), [
    "0:1", "500000:0", "1000000:1", "1500000:0", "2000000:1", "2500000:0", "3000000:1",
  ]);
  assert.equal(logLines(sim), ["0 blinky: LED1 toggles every 500 ms"]);
  assert.is(sim.panic, null);
});

test("an hour of blinking allocates nothing and does not drift", async () => {
  const sim = await boot("examples/blinky/main.ts");
  const heap = sim.heapTop();
  sim.runFor("1h");
  const history = sim.pin("LED1").history;
  assert.is(history.length, 7201);
  assert.equal(history.at(-1), { at: 3_600_000_000, level: 1 });
  assert.is(sim.heapTop(), heap);
});

test.run();
