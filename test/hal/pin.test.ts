/**
 * `Input`, `Output` and the `Wait` rules (hal/gpio_input.ts, digital.ts),
 * through test/firmware/hal-pin.ts: one-byte commands on UART0 start a wait
 * on P4, the test drives P4 and reads the firmware's logs.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { boot, byteArrival, logLines } from "./support.ts";

const FIRMWARE = "test/firmware/hal-pin.ts";
const GPIO_EDGE = 1;

/** Sends command `c` at `at`; returns when it reaches the firmware. */
function command(sim: Simulator, c: string, at: number): number {
  sim.uart("UART0").send(c, { at });
  return byteArrival(at, 1);
}

test("waitForHigh and waitForLow complete at once when the level already holds", async () => {
  const sim = await boot(FIRMWARE);
  sim.pin("P4").drive(1, 1000);
  const h = command(sim, "h", 2000);
  sim.runFor("3ms");
  sim.pin("P4").drive(0, 4000);
  const l = command(sim, "l", 5000);
  sim.runFor("3ms");
  assert.equal(logLines(sim), [`${h} high ${h}`, `${h} level 1`, `${l} low ${l}`, `${l} level 0`]);
});

test("waitForHigh waits for the level and completes at the edge that brings it", async () => {
  const sim = await boot(FIRMWARE);
  command(sim, "h", 1000);
  sim.runFor("4ms");
  assert.equal(logLines(sim), []);
  sim.pin("P4").drive(1, 5000);
  sim.runFor("2ms");
  assert.equal(logLines(sim), ["5000 high 5000", "5000 level 1"]);
});

test("edge waits need a transition after the call, whatever the level was", async () => {
  const sim = await boot(FIRMWARE);
  const p4 = sim.pin("P4");
  p4.drive(1, 500);
  command(sim, "r", 1000); // high already: a rising edge must still come
  p4.drive(0, 3000);
  sim.runFor("5ms");
  assert.equal(logLines(sim), []);
  p4.drive(1, 6000);
  command(sim, "f", 7000);
  p4.drive(0, 9000);
  command(sim, "a", 10_000);
  p4.drive(1, 12_000);
  sim.runFor("15ms");
  assert.equal(logLines(sim), [
    "6000 rising 6000", "6000 level 1",
    "9000 falling 9000", "9000 level 0",
    "12000 any 12000", "12000 level 1",
  ]);
});

test("a pulse shorter than a poll is not lost: the edge was latched with its time", async () => {
  const sim = await boot(FIRMWARE);
  const p4 = sim.pin("P4");
  command(sim, "r", 1000);
  // Up and down in the same µs: both edges reach the firmware before it polls again.
  p4.drive(1, 3000);
  p4.drive(0, 3000);
  command(sim, "h", 4000);
  p4.drive(1, 6000);
  p4.drive(0, 6000);
  sim.runFor("8ms");
  assert.equal(p4.history.map((c) => `${c.at}:${c.level}`), ["3000:1", "3000:0", "6000:1", "6000:0"]);
  assert.equal(logLines(sim), ["3000 rising 3000", "3000 level 1", "6000 high 6000", "6000 level 1"]);
  assert.is(p4.level, 0);
});

test("the pin asks for the edges a wait needs while it waits, and none once it completes or is cancelled", async () => {
  const sim = await boot(FIRMWARE);
  const p4 = sim.pin("P4");
  const edges: string[] = [];
  sim.onEvent = (e) => void (e.source === GPIO_EDGE && edges.push(`${e.at}:${e.arg >> 16}`));
  command(sim, "x", 500); // the test firmware opens an edge stream at init: close it
  sim.runFor("1ms");
  assert.equal(logLines(sim), ["587 status 0"]); // StreamStatus.END
  command(sim, "r", 1000);
  p4.drive(1, 2000); // reported: the wait asked for rising edges
  p4.drive(0, 3000); // not reported: the wait has completed
  const c = command(sim, "c", 4000); // rising, or time out after 10 ms
  p4.drive(1, 20_000); // after the timeout cancelled the wait: not reported
  p4.drive(0, 21_000);
  sim.runFor("25ms");
  assert.equal(logLines(sim, 1), ["2000 rising 2000", "2000 level 1", `${c + 10_000} timed out`]);
  assert.equal(edges, ["2000:1"]);
});

test("a falling edge does not wake a wait for a rising one", async () => {
  const sim = await boot(FIRMWARE);
  const p4 = sim.pin("P4");
  const edges: string[] = [];
  sim.onEvent = (e) => void (e.source === GPIO_EDGE && edges.push(`${e.at}:${e.arg >> 16}`));
  command(sim, "x", 500);
  p4.drive(1, 800);
  command(sim, "r", 1000);
  p4.drive(0, 2000); // falling: not asked for, not reported
  p4.drive(1, 3000);
  sim.runFor("4ms");
  assert.equal(logLines(sim, 1), ["3000 rising 3000", "3000 level 1"]);
  assert.equal(edges, ["3000:1"]);
});

test("a second wait on a pin with one in flight is a BUSY panic naming the pin", async () => {
  const sim = await boot(FIRMWARE);
  command(sim, "B", 1000);
  sim.runFor("2ms");
  assert.ok(sim.panic);
  assert.is(sim.panic!.code, "BUSY");
  assert.is(sim.panic!.message, "pin 4 (P4) already has a wait in flight: await it or cancel it before starting another");
  assert.is(sim.panic!.task, "runner");
});

test("a wait in flight is not disturbed by the pin's other users", async () => {
  const sim = await boot(FIRMWARE);
  command(sim, "b", 1000); // a second task takes the pin's wait and holds it
  sim.pin("P4").drive(1, 3000);
  sim.runFor("4ms");
  assert.equal(logLines(sim), ["3000 holder high 3000"]);
  assert.is(sim.panic, null);
});

test("the edge stream keeps every edge in order, reports an overrun once when its ring was full, and ends after close", async () => {
  const sim = await boot(FIRMWARE);
  const p4 = sim.pin("P4");
  for (const [i, at] of [1000, 1100, 1200, 1300, 1400, 1500].entries()) p4.drive(i % 2 === 0 ? 1 : 0, at);
  command(sim, "s", 2000); // 3 items: the overrun, then the oldest edges
  const s2 = command(sim, "s", 3000); // the other 2 kept edges, then the next one
  p4.drive(1, 5000);
  const x = command(sim, "x", 6000);
  sim.runFor("7ms");
  assert.equal(logLines(sim), [
    "2087 status -1",
    "2087 edge 1000", "2087 level 1",
    "2087 edge 1100", "2087 level 0",
    `${s2} edge 1200`, `${s2} level 1`,
    `${s2} edge 1300`, `${s2} level 0`,
    "5000 edge 5000", "5000 level 1",
    `${x} status 0`,
  ]);
});

test("isHigh/isLow read the pin; an Output drives its pin and remembers the level", async () => {
  const sim = await boot(FIRMWARE);
  const i1 = command(sim, "i", 1000);
  sim.pin("P4").drive(1, 1500);
  const i2 = command(sim, "i", 2000);
  const o1 = command(sim, "o", 3000);
  const o2 = command(sim, "o", 4000);
  sim.runFor("5ms");
  assert.equal(logLines(sim), [
    `${i1} is-high 0`, `${i1} is-low 1`,
    `${i2} is-high 1`, `${i2} is-low 0`,
    `${o1} set-high 1`, `${o2} set-high 0`,
  ]);
  assert.equal(sim.pin("P5").history, [{ at: o1, level: 1 }, { at: o2, level: 0 }]);
  assert.is(sim.pin("P5").mode, "OUTPUT");
  assert.is(sim.pin("P4").mode, "INPUT_PULLDOWN");
});

test("configuring a pin twice is a PERIPHERAL panic naming the pin and the fix", async () => {
  const sim = await boot("test/firmware/hal-pin-twice.ts");
  assert.ok(sim.panic);
  assert.is(sim.panic!.code, "PERIPHERAL");
  assert.is(sim.panic!.message, "pin 13 (LED1) is already in use: each pin can be configured once");
});

test.run();
