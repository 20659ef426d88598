import { test } from "uvu";
import * as assert from "uvu/assert";
import { OutpostError } from "../../src/contract/errors.ts";
import { STALL_POLLS, Simulator } from "../../sim/index.ts";
import { assemble, firmware, moduleText } from "../fixtures/wat.ts";

const blink = [
  { at: 0, level: 1 },
  { at: 500_000, level: 0 },
  { at: 1_000_000, level: 1 },
  { at: 1_500_000, level: 0 },
  { at: 2_000_000, level: 1 },
];

test("blinky toggles LED1 exactly at each deadline, polled once per deadline", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  assert.is(sim.stats.polls, 1); // load polls at t=0
  sim.runFor("2s");
  assert.equal(sim.pin("LED1").history, blink);
  assert.is(sim.now, 2_000_000);
  assert.is(sim.stats.polls, 5);
  // The fixture's task reports "parked" from the start, so the host counts every poll as a wake.
  assert.equal(sim.tasks(), [{ id: 0, name: "main", state: "parked", polls: 5, wakes: 5, since: 2_000_000, site: null, where: null, chain: null }]);
  assert.is(sim.heapTop(), 0x8000);
});

test("running in slices gives the same history and polls as one run", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  for (let i = 0; i < 8; i++) sim.runFor(250_000);
  assert.equal(sim.pin("LED1").history, blink);
  assert.is(sim.stats.polls, 5);
});

test("an idle firmware lets time jump straight to the end", async () => {
  const sim = await Simulator.load(assemble(moduleText("")));
  sim.runFor("30d");
  assert.is(sim.now, 30 * 86_400_000_000);
  assert.is(sim.stats.polls, 1);
});

test("now_us is the virtual time of the poll", async () => {
  // Each poll toggles LED1 and asks to be polled again 1.234567 s after the time it read.
  const body = `
    (global $level (mut i32) (i32.const 0))
    (global $seen (mut i64) (i64.const 0))
    (func (export "outpost_init") (drop (call $gpio_configure (i32.const 13) (i32.const 1))))
    (func (export "outpost_poll") (result i64)
      (global.set $level (i32.xor (global.get $level) (i32.const 1)))
      (call $gpio_write (i32.const 13) (global.get $level))
      (global.set $seen (call $now_us))
      (if (result i64) (i64.lt_s (global.get $seen) (i64.const 3000000))
        (then (i64.add (global.get $seen) (i64.const 1234567)))
        (else (i64.const -1))))`;
  const sim = await Simulator.load(assemble(moduleText(body)));
  sim.runFor("10s");
  assert.equal(sim.pin("LED1").history.map((c) => c.at), [0, 1_234_567, 2_469_134, 3_703_701]);
  assert.is(sim.stats.polls, 4);
});

test("runUntil stops at the first instant the condition holds", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  assert.ok(sim.runUntil((s) => s.pin("LED1").level === 0, "10s"));
  assert.is(sim.now, 500_000);
});

test("runUntil gives up at its limit", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  assert.not.ok(sim.runUntil(() => false, "1200ms"));
  assert.is(sim.now, 1_200_000);
});

test("the same firmware and stimuli give identical histories", async () => {
  async function run() {
    const sim = await Simulator.load(firmware("listener"), { seed: 42 });
    const events: string[] = [];
    sim.onEvent = (e) => events.push(`${e.at}:${e.source}:${e.arg}`);
    sim.button("BTN1").tap("100ms", "30ms");
    sim.button("BTN1").tap("400ms", "5ms");
    sim.uart("UART0").send("x".repeat(50), { at: "120ms" });
    sim.runFor("1s");
    return { btn: sim.pin("BTN1").history, led: sim.pin("LED1").history, events, polls: sim.stats.polls };
  }
  assert.equal(await run(), await run());
});

test("a task that never waits is stopped as a stall, naming the ready task", async () => {
  const sim = await Simulator.load(firmware("busy"));
  assert.is(sim.panic?.code, "STALL");
  assert.is(
    sim.panic?.message,
    `virtual time cannot advance: outpost_poll returned a deadline at or before now ${STALL_POLLS} times in a row at 0.000000s; ` +
      "a task that never waits keeps the executor busy (ready: main)",
  );
  sim.runFor("1s");
  assert.is(sim.now, 0);
});

test("a bad duration is an error, not a silent zero", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  try {
    sim.runFor("10x");
    assert.unreachable();
  } catch (e) {
    assert.instance(e, OutpostError);
    assert.is((e as OutpostError).code, "BAD_DURATION");
  }
});

test.run();
