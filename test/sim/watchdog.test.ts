/**
 * The simulator's watchdog (src/contract/fuel.ts, boards/ABI.md "The
 * watchdog"): a call into the firmware that runs more loop iterations than
 * the budget is stopped with a WATCHDOG panic naming the call and the
 * task; one within the budget is not; the count is exact, so the same
 * firmware fires at the same iteration on every machine; and the
 * instrumented firmware behaves as the original otherwise.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DEFAULT_WATCHDOG, instrument } from "../../src/contract/fuel.ts";
import { Simulator } from "../../sim/index.ts";
import { analyseFirmware } from "../../src/toolchain/wasm/size.ts";
import { buildTestFirmware } from "../helpers/firmware.ts";
import { assemble, counter, firmware, moduleText } from "../fixtures/wat.ts";

test("a loop that jumps back exactly the budget's times completes; one more jump is stopped", async () => {
  const within = await Simulator.load(counter(1001), { watchdog: 1000 });
  assert.is(within.panic, null);
  assert.equal(within.logs.map((l) => l.text), ["counted"]);
  const over = await Simulator.load(counter(1002), { watchdog: 1000 });
  assert.is(over.panic?.code, "WATCHDOG");
  assert.is(
    over.panic?.message,
    "outpost_init did not return within the watchdog's budget of 1,000 loop iterations: a loop that never ends, " +
      "or one that should wait (await) instead (outpost sim --watchdog sets the budget)",
  );
  assert.is(over.panic?.task, null);
  assert.equal(over.logs, []);
});

test("every call gets the whole budget again: many short polls never add up to a firing", async () => {
  const body = `
    (func (export "outpost_poll") (result i64) (local $i i32)
      (loop $again
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $again (i32.lt_u (local.get $i) (i32.const 900))))
      (i64.add (call $now_us) (i64.const 1000)))`;
  const sim = await Simulator.load(assemble(moduleText(body)), { watchdog: 1000 });
  sim.runFor("1s");
  assert.is(sim.panic, null);
  assert.is(sim.stats.polls, 1001);
});

test("a runaway poll is stopped, naming the task that was running, and time stops there", async () => {
  const body = `
    (func (export "outpost_poll") (result i64)
      (if (i64.ge_s (call $now_us) (i64.const 250000))
        (then (global.set $current_task (i32.const 0)) (loop $spin (br $spin))))
      (i64.const 250000))`;
  const sim = await Simulator.load(assemble(moduleText(body)), { watchdog: 5000 });
  sim.runFor("1s");
  assert.is(sim.panic?.code, "WATCHDOG");
  assert.is(sim.panic?.task, "main");
  assert.is(sim.panic?.at, 250_000);
  assert.match(sim.panic!.message, /^outpost_poll did not return within the watchdog's budget of 5,000 loop iterations/);
  assert.is(sim.now, 250_000);
});

test("every way back to a loop is counted: br from a nested block, br_table, a loop with parameters", async () => {
  const loops = [
    "(loop $l (block $b (br $l)))",
    "(loop $l (br_table $l $l (i32.const 1)))",
    "(i32.const 0) (loop $l (param i32) (br $l (i32.add (i32.const 1))))",
  ];
  for (const loop of loops) {
    const sim = await Simulator.load(assemble(moduleText(`(func (export "outpost_init") ${loop})`)), { watchdog: 100 });
    assert.is(sim.panic?.code, "WATCHDOG", loop);
  }
});

test("calls inside the firmware share one budget: only the host's calls start it afresh", async () => {
  // init calls the exported outpost_abi_version 10 times; each jumps back 200 times: 2,009 in one call from the host.
  const body = `
    (func $spin (export "outpost_abi_version") (result i32) (local $i i32)
      (loop $again
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $again (i32.le_u (local.get $i) (i32.const 200))))
      (i32.const 1))
    (func (export "outpost_init") (local $n i32)
      (loop $calls
        (drop (call $spin))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $calls (i32.lt_u (local.get $n) (i32.const 10)))))`;
  const source = moduleText(body);
  assert.is((await Simulator.load(assemble(source), { watchdog: 2009 })).panic, null);
  assert.is((await Simulator.load(assemble(source), { watchdog: 2008 })).panic?.code, "WATCHDOG");
});

test("the budget is shared through indirect calls, and functions keep their results: several values, a branch out of the body", async () => {
  // init calls $spin through the table 10 times (200 jumps back each, 2,009 in all) and logs "ok" if every result came back.
  const body = `
    (type $spinner (func (param i32) (result i32 i32)))
    (table 1 funcref)
    (elem (i32.const 0) $spin)
    (data (i32.const 64) "ok")
    (func $spin (param $x i32) (result i32 i32) (local $i i32)
      (loop $again
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $again (i32.le_u (local.get $i) (i32.const 200))))
      (br 0 (local.get $x) (local.get $i)))
    (func (export "outpost_init") (local $n i32) (local $sum i32)
      (loop $calls
        (local.set $sum (i32.add (local.get $sum)
          (i32.add (call_indirect (type $spinner) (local.get $n) (i32.const 0)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $calls (i32.lt_u (local.get $n) (i32.const 10))))
      (if (i32.eq (local.get $sum) (i32.const 2055)) (then (call $log (i32.const 3) (i32.const 64) (i32.const 2)))))`;
  const source = moduleText(body);
  const within = await Simulator.load(assemble(source), { watchdog: 2009 });
  assert.is(within.panic, null);
  assert.equal(within.logs.map((l) => l.text), ["ok"]); // 0 + … + 9 + 10 × 201
  assert.is((await Simulator.load(assemble(source), { watchdog: 2008 })).panic?.code, "WATCHDOG");
});

test("a module whose table holds an imported function runs without the watchdog, and says so", async () => {
  const body = `
    (table 1 funcref)
    (elem (i32.const 0) $gpio_read)
    (func (export "outpost_init") (loop $spin (br_if $spin (i32.eqz (call_indirect (param i32) (result i32) (i32.const 0) (i32.const 0))))))`;
  const wasm = assemble(moduleText(body));
  assert.is(instrument(wasm, 10, 1), null);
  const sim = await Simulator.load(wasm, { board: "sim", watchdog: 100 });
  assert.equal(sim.logs.map((l) => l.text), [
    "sim: the watchdog cannot instrument firmware (exception handling, a table holding an imported function, or instructions it cannot read): it runs without one",
  ]);
});

test("outpost build and size measure init under the same watchdog: a runaway init is one line", async () => {
  const wasm = assemble(moduleText(`(func (export "outpost_init") (loop $spin (br $spin)))`));
  try {
    await analyseFirmware(wasm, "spin.wasm");
    assert.unreachable("analysed");
  } catch (e) {
    assert.is((e as Error).message, `spin.wasm: outpost_init did not return within the watchdog's budget of 10,000,000 loop iterations: a loop that never ends, or one that should wait (await) instead (outpost sim --watchdog sets the budget)`);
  }
});

test("off (0) runs the firmware uninstrumented", async () => {
  const sim = await Simulator.load(counter(50_000), { watchdog: 0 });
  assert.is(sim.panic, null);
  assert.equal(sim.logs.map((l) => l.text), ["counted"]);
});

test("the default budget never fires on a real firmware, and instrumenting changes none of its output", async () => {
  const wasm = await buildTestFirmware("examples/uart-echo/main.ts");
  async function run(watchdog: number) {
    const sim = await Simulator.load(wasm, { watchdog });
    sim.uart("UART0").send("hello, watchdog\n".repeat(20), { at: "10ms" });
    sim.runFor("2s");
    return { panic: sim.panic, tx: sim.uart("UART0").txLog, polls: sim.stats.polls, logs: sim.logs };
  }
  const guarded = await run(DEFAULT_WATCHDOG);
  assert.is(guarded.panic, null);
  assert.equal(guarded, await run(0));
});

test("memory.grow stops at 256 pages (16 MiB) in the simulator", async () => {
  const body = `
    (data (i32.const 64) "ok")
    (func (export "outpost_init")
      (if (i32.and (i32.eq (memory.grow (i32.const 255)) (i32.const 1)) (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (then (call $log (i32.const 3) (i32.const 64) (i32.const 2)))))`;
  const sim = await Simulator.load(assemble(moduleText(body)));
  assert.equal(sim.logs.map((l) => l.text), ["ok"]);
});

test("a module the instrumenter cannot read is left as it is", () => {
  assert.is(instrument(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 10, 5, 1, 3, 0, 0xff, 0x0b]), 10, 1), null); // opcode 0xff
  assert.ok(instrument(firmware("blinky"), 10, 1) instanceof Uint8Array);
});

test.run();
