/** The Blinker driver (hal/drivers/blinker.ts), through test/firmware/hal-blinker.ts. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { boot, logLines } from "./support.ts";

test("a pattern plays on/off durations exactly, repeats, and ends with the output off", async () => {
  const sim = await boot("test/firmware/hal-blinker.ts");
  sim.runFor("1s");
  // [100 on, 50 off, 200 on] twice: the second round's "on" continues the first round's last "on".
  assert.equal(sim.pin("LED1").history.map((c) => `${c.at / 1000}:${c.level}`), [
    "0:1", "100:0", "150:1", "450:0", "500:1", "700:0",
  ]);
  assert.ok(logLines(sim).includes("700000 rounds 2"));
});

test("cancelling a pattern that repeats for ever turns the output off", async () => {
  const sim = await boot("test/firmware/hal-blinker.ts");
  sim.runFor("1s");
  const led2 = sim.pin("LED2").history.map((c) => `${c.at / 1000}:${c.level}`);
  assert.equal(led2, ["0:1", "10:0", "20:1", "30:0", "40:1", "50:0", "60:1", "70:0", "80:1", "90:0"]);
  assert.ok(logLines(sim).includes("95000 stopped"));
  assert.is(sim.pin("LED2").level, 0);
});

test("cancelling while the output is on turns it off at once", async () => {
  const sim = await boot("test/firmware/hal-blinker.ts");
  sim.runFor("85ms");
  assert.is(sim.pin("LED2").level, 1);
  sim.runFor("15ms");
  assert.is(sim.pin("LED2").level, 0);
});

test("a pattern without a positive duration is an ABORT panic, not a poll that never returns", async () => {
  const sim = await boot("test/firmware/hal-blinker-zero.ts");
  sim.runFor("10ms");
  assert.is(sim.panic?.code, "ABORT");
  assert.is(sim.panic?.message, "Blinker: a pattern needs at least one duration above 0 ms (got 0)");
  assert.is(sim.pin("LED1").history.length, 0);
});

test.run();
