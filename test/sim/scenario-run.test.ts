/** sim/scenario-run.ts: steps in virtual time, text expectations, and how a run ends. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type Scenario, ScenarioRun, Simulator, type Step, runScenario } from "../../sim/index.ts";
import { assemble, firmware, moduleText } from "../fixtures/wat.ts";

function scenario(...steps: Step[]): Scenario {
  return { name: "t", version: 1, steps, file: "t.yaml" };
}

/** µs at which the k-th byte of a burst started at `start` has crossed a 115200-baud line. */
const byte = (start: number, k: number): number => start + Math.ceil((k * 10_000_000) / 115200);
/** When the echo fixture has sent back the k-th byte of a burst sent at 0: its TX starts when the first byte is in. */
const echoed = (k: number): number => byte(byte(0, 1), k);

test("wait-serial finds its text after the previous match, not before", async () => {
  const sim = await Simulator.load(firmware("echo"));
  const outcome = runScenario(
    sim,
    scenario(
      { kind: "write-serial", text: "ping" },
      { kind: "wait-serial", text: "ping", timeout: 1_000_000 },
      { kind: "delay", duration: 10_000 },
      { kind: "write-serial", text: "ping" },
      { kind: "wait-serial", text: "ping", timeout: 1_000_000 },
    ),
  );
  // The first wait ends when the echo of "ping" is out; the second write starts 10 ms later.
  const second = echoed(4) + 10_000;
  assert.equal(outcome, { status: "passed", at: byte(byte(second, 1), 4), step: null, message: 'scenario "t", 5 steps' });
  assert.is(sim.uart("UART0").output, "pingping");
});

test("a wait-serial that times out names its step and ends at the timeout", async () => {
  const sim = await Simulator.load(firmware("blinky"));
  const outcome = runScenario(sim, scenario({ kind: "delay", duration: 1_000_000 }, { kind: "wait-serial", text: "hello", timeout: 2_000_000 }));
  assert.equal(outcome, {
    status: "timeout",
    at: 3_000_000,
    step: { index: 1, kind: "wait-serial" },
    message: 'step 2 (wait-serial): "hello" did not appear on UART0 within 2s',
  });
});

test("expect-pin checks the level at its instant", async () => {
  const pass = runScenario(await Simulator.load(firmware("blinky")), scenario({ kind: "delay", duration: 500_000 }, { kind: "expect-pin", pin: "LED1", level: 0 }));
  assert.is(pass.status, "passed");
  const fail = runScenario(await Simulator.load(firmware("blinky")), scenario({ kind: "delay", duration: 250_000 }, { kind: "expect-pin", pin: "LED1", level: 0 }));
  assert.equal(fail, {
    status: "failed",
    at: 250_000,
    step: { index: 1, kind: "expect-pin" },
    message: "step 2 (expect-pin): LED1 is high at 0.250000s, expected low",
  });
});

test("tap holds its button for the hold, then the next step runs with the button released", async () => {
  const sim = await Simulator.load(firmware("listener"), { seed: 3 });
  sim.button("BTN1").bounceMs = 0;
  const outcome = runScenario(
    sim,
    scenario(
      { kind: "tap", button: "BTN1", hold: 50_000 },
      { kind: "expect-pin", pin: "LED1", level: 0 },
      { kind: "press", button: "BTN1" },
      { kind: "expect-pin", pin: "LED1", level: 1 },
      { kind: "release", button: "BTN1" },
    ),
  );
  assert.is(outcome.status, "passed", outcome.message);
  assert.is(outcome.at, 50_000);
  assert.equal(sim.pin("LED1").history, [
    { at: 0, level: 1 },
    { at: 50_000, level: 0 },
    { at: 50_000, level: 1 },
    { at: 50_000, level: 0 },
  ]);
});

test("--fail-text fails at once; --expect-text passes, and stops, at once", async () => {
  const failing = await Simulator.load(firmware("echo"));
  failing.uart("UART0").send("all good, then ERROR, then more");
  const failed = runScenario(failing, null, { failText: ["ERROR"], limit: "1s" });
  assert.equal(failed, { status: "failed", at: echoed(20), step: null, message: '"ERROR" appeared on UART0' });

  const passing = await Simulator.load(firmware("echo"));
  passing.uart("UART0").send("boot... ready> more");
  const passed = runScenario(passing, null, { expectText: ["ready", "boot"], limit: "1s" });
  assert.equal(passed, { status: "passed", at: echoed(13), step: null, message: '"ready", "boot" appeared on UART0' });
  assert.is(passing.uart("UART0").output, "boot... ready");
});

test("an expected text that never comes times out at the limit", async () => {
  const outcome = runScenario(await Simulator.load(firmware("echo")), null, { expectText: ["ready"], limit: "3s" });
  assert.equal(outcome, { status: "timeout", at: 3_000_000, step: null, message: '"ready" did not appear on UART0 within 3s' });
});

test("with nothing to wait for, a run passes at its limit; a scenario still running there times out", async () => {
  assert.equal(runScenario(await Simulator.load(firmware("blinky")), null, { limit: "2s" }), {
    status: "passed", at: 2_000_000, step: null, message: "the run reached its time limit",
  });
  assert.equal(runScenario(await Simulator.load(firmware("blinky")), scenario({ kind: "delay", duration: 5_000_000 }), { limit: "2s" }), {
    status: "timeout", at: 2_000_000, step: { index: 0, kind: "delay" }, message: "the time limit of 2s ran out during step 1 (delay)",
  });
});

test("a panic ends the run, naming the step under way", async () => {
  const outcome = runScenario(await Simulator.load(firmware("panic")), scenario({ kind: "delay", duration: 5_000_000 }));
  assert.equal(outcome, {
    status: "panic",
    at: 1_000_000,
    step: { index: 0, kind: "delay" },
    message: 'the firmware stopped during step 1 (delay): POOL_FULL: task pool "blink" is full (1 slot): raise its size',
  });
});

test("a deadlock ends the run where it happened", async () => {
  const sim = await Simulator.load(firmware("deadlock"));
  const outcome = runScenario(sim, scenario({ kind: "wait-serial", text: "never", timeout: 5_000_000 }));
  assert.equal(outcome, {
    status: "deadlock",
    at: 0,
    step: { index: 0, kind: "wait-serial" },
    message: "deadlock during step 1 (wait-serial): every task is parked and nothing can wake one",
  });
});

test("advance can stop at a virtual time or when paused, and carry on to the same outcome", async () => {
  const steps = scenario({ kind: "delay", duration: 700_000 }, { kind: "expect-pin", pin: "LED1", level: 0 });
  const whole = runScenario(await Simulator.load(firmware("blinky")), steps);
  const sim = await Simulator.load(firmware("blinky"));
  const run = new ScenarioRun(sim, steps);
  assert.is(run.advance(300_000), null);
  assert.is(sim.now, 300_000);
  let instants = 0;
  // pause() is asked once before running, then after each instant: 300 ms (again), then 500 ms.
  assert.is(run.advance(Infinity, () => ++instants === 3), null);
  assert.is(sim.now, 500_000);
  assert.equal(run.advance(), whole);
});

test("an idle firmware with no limit: a text that cannot come ends the run instead of waiting for ever", async () => {
  const sim = await Simulator.load(assemble(moduleText(`(func (export "outpost_init") (drop (call $gpio_configure (i32.const 2) (i32.const 2))) (call $gpio_listen (i32.const 2) (i32.const 3)))`)));
  const outcome = runScenario(sim, null, { expectText: ["hello"] });
  assert.equal(outcome, { status: "timeout", at: 0, step: null, message: '"hello" did not appear on UART0 and nothing is left to happen' });
  assert.equal(runScenario(sim, null), { status: "passed", at: 0, step: null, message: "nothing is left to happen" });
});

test.run();
