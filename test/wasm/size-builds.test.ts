/**
 * Interpreter-board builds differ from the simulator's speed builds in how
 * they are made: the module initialisers run at build time
 * (start-snapshot.ts), timers are found by scanning the task table instead
 * of a heap (timer_queue.ts), and names and numbers reach the host
 * unformatted (text.ts). None of it may change what a firmware does: the
 * same firmware logs the same lines at the same instants and drives its pins
 * the same way on both.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFirmware } from "../../src/toolchain/compile.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { exportNames, WasmReader } from "../../src/contract/wasm-binary.ts";
import { Simulator } from "../../sim/index.ts";
import { buildTest, buildTestFirmware } from "../helpers/firmware.ts";
import { lines } from "../helpers/simulate.ts";

/** The firmware at `entry` run for `duration` µs on the sim board's build and on wasm3-esp32's: [sim, interpreter board]. */
async function both(entry: string, duration: number): Promise<[Simulator, Simulator]> {
  const speed = await Simulator.load(await buildTestFirmware(entry), { board: "sim", name: entry });
  const { wasm, text } = await buildTest(entry, "wasm3-esp32");
  const size = await Simulator.load(wasm, { board: "wasm3-esp32", name: entry, text });
  for (const sim of [speed, size]) sim.runFor(duration);
  return [speed, size];
}

/** The module's section ids. */
function sectionIds(wasm: Uint8Array): number[] {
  return new WasmReader(wasm, "the build").sections().map((s) => s.id);
}

test("1,000 timers with ties wake in the same order at the same instants when the timer queue is a scan of the task table", async () => {
  const [speed, size] = await both("test/firmware/timers.ts", 4_000_000);
  assert.is(lines(speed).length, 1000);
  assert.equal(lines(size), lines(speed));
  assert.is(size.panic, null);
});

test("the run queue keeps its round-robin order, Signals included", async () => {
  const [speed, size] = await both("test/firmware/fairness.ts", 10_000);
  assert.is(lines(speed).length, 36); // 24 turns of S, A and B, 12 of Y0 to Y2
  assert.equal(lines(size), lines(speed));
});

test("blinky drives LED1 the same, with its pool and ticker laid out at build time and no start function left", async () => {
  const [speed, size] = await both("examples/blinky/main.ts", 3_000_000);
  const trace = (sim: Simulator) => sim.pin("LED1").history.map((c) => `${c.at}:${c.level}`);
  assert.is(trace(speed).length, 7);
  assert.equal(trace(size), trace(speed));
  assert.equal(lines(size), lines(speed));
  const wasm = await buildTestFirmware("examples/blinky/main.ts", "wasm3-esp32", { release: true });
  assert.not.ok(sectionIds(wasm).includes(8), "no start section");
  assert.equal(exportNames(wasm, "blinky.wasm").sort(), [
    "memory", "outpost_abi_version", "outpost_current_task", "outpost_event", "outpost_heap_top", "outpost_init", "outpost_poll",
  ]);
});

test("module initialisers that call the host run first thing in outpost_init; one that panics is reported with its message", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outpost-start-"));
  const entry = join(dir, "main.ts");
  writeFileSync(
    entry,
    [
      `import { log } from "outpost";`,
      `import { Output } from "outpost/hal";`,
      `import { LED1 } from "outpost/board";`,
      `const led = new Output(LED1, "LED1", true); // claims the pin while the module initialises`,
      `export function main(): void { led.toggle(); log.info("toggled"); }`,
    ].join("\n"),
  );
  for (const board of ["wasm3-esp32", "sim"]) {
    const { wasm, text } = await compileFirmware({ entry, board: loadBoard(board) });
    assert.not.ok(sectionIds(wasm).includes(8), `${board}: no start section`);
    assert.not.ok(exportNames(wasm, "main.wasm").includes("__outpost_start"));
    const sim = await Simulator.load(wasm, { board, text });
    assert.equal(sim.pin("LED1").history.map((c) => `${c.at}:${c.level}`), ["0:1", "0:0"]);
    assert.equal(lines(sim), ["0 toggled"]);
  }
  const bad = join(dir, "bad.ts");
  writeFileSync(bad, `import { Channel } from "outpost";\nconst ch = new Channel<i32>(0, 1);\nexport function main(): void {}\n`);
  const sim = await Simulator.load(await buildTestFirmware(bad), { board: "sim" });
  assert.equal(sim.panic && [sim.panic.code, sim.panic.message], ["ABORT", "Channel<i32>: capacity must be at least 1 (got 0)"]);
});

test.run();
