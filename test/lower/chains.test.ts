/**
 * Await chains (src/runtime/chain.ts): a task's whole chain of awaits,
 * outermost first, in the task table, a panic's report and the trace (on
 * the Wasm and the Espruino host alike), each site at the column of its
 * `await` (or `throw`).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildTest } from "../helpers/firmware.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { cachedEspruino } from "../../src/toolchain/cache/build.ts";
import { chainText, siteAt } from "../helpers/source-sites.ts";
import { Simulator, TraceRecorder } from "../../sim/index.ts";
import { formatChain } from "../../src/toolchain/cli/inspect.ts";
import { panicReport } from "../../src/toolchain/cli/outcome-text.ts";

const path = "test/firmware/async-chain.ts";
const at = (text: string, word: string, fn: string): string => siteAt(path, text, word, fn);

async function load(options: { trace?: TraceRecorder } = {}, entry = path): Promise<Simulator> {
  const { wasm, text, sites } = await buildTest(entry, "sim");
  return Simulator.load(wasm, { board: "sim", name: entry, text, sites, ...(options.trace ? options.trace.listeners : {}) });
}

test("a parked task's chain names every await its frames wait at, outermost first, at the column of each await", async () => {
  const sim = await load();
  sim.runFor("2ms");
  const waiter = sim.tasks().find((t) => t.name === "waiter")!;
  assert.is(formatChain(waiter), [
    'task "waiter"',
    at("await outer()", "await", "task waiter"),
    at("await inner()", "await", "outer"),
    at("await never.wait()", "await", "inner"),
  ].join(" → "));
});

test("an error that escapes a task: the panic names the chain its throw was made in, ending at the throw", async () => {
  const sim = await load();
  sim.runFor("1s");
  assert.is(sim.panic?.task, "sampler");
  const report = panicReport(sim.panic!, sim.tasks());
  const chain = [
    'task "sampler"',
    at("await sample(i)", "await", "task sampler"),
    at("await readRaw(n)", "await", "sample"),
    at("throw new SensorError()", "throw", "readRaw"),
  ].join(" → ");
  assert.ok(report.includes(`    await chain: ${chain}\n`), report);
});

test("a cleanup that throws while its call is cancelled: the panic names the chain of the throw inside the cleanup, not the await it was parked at", async () => {
  const cleanup = "test/firmware/async-chain-cleanup.ts";
  const sim = await load({}, cleanup);
  sim.runFor("1s");
  assert.is(sim.panic?.task, "closer");
  assert.is(sim.panic?.at, 7000); // the cleanup's own await (2 ms) after the timeout won at 5 ms
  const report = panicReport(sim.panic!, sim.tasks());
  const chain = chainText(
    "closer",
    siteAt(cleanup, "await select(flush()", "await", "task closer"),
    siteAt(cleanup, "await drain()", "await", "flush"),
    siteAt(cleanup, "throw new FlushError()", "throw", "drain"),
  );
  assert.ok(report.includes(`    await chain: ${chain}\n`), report);
});

test("a sync generator that throws: the panic names the chain of its throw, not an older throw the task caught", async () => {
  const generator = "test/firmware/async-chain-generator.ts";
  const sim = await load({}, generator);
  sim.runFor("1s");
  assert.is(sim.panic?.task, "user");
  assert.is(sim.panic?.at, 3000); // items 0 and 1, a millisecond each after the caught error at 1 ms
  const report = panicReport(sim.panic!, sim.tasks());
  const chain = chainText(
    "user",
    siteAt(generator, "await consume()", "await", "task user"),
    siteAt(generator, "throw bad", "throw", "items"),
  );
  assert.ok(report.includes(`    await chain: ${chain}\n`), report);
});

test("the trace nests each await as a slice in its task's track, begun where the task parked there and ended when it moved on", async () => {
  const trace = new TraceRecorder();
  const sim = await load({ trace });
  sim.runFor("1s");
  const events = trace.toJSON(sim.tasks()).traceEvents.filter((e) => e.cat === "await" && e.tid === 2);
  assert.equal(events.map((e) => `${e.ts} ${e.ph} ${e.name}`), [
    `0 B ${at("await sample(i)", "await", "task sampler")}`,
    `0 B ${at("await readRaw(n)", "await", "sample")}`,
    `0 B ${at("await Timer.after", "await", "readRaw")}`,
    `6000 E ${at("await Timer.after", "await", "readRaw")}`,
    `6000 B ${at("throw new SensorError()", "throw", "readRaw")}`,
  ]);
});

test("the Espruino host's trace nests the same awaits at the same times as the Wasm build it was translated from", async () => {
  const board = "espruino-pico";
  const { wasm, sites } = await buildTest(path, board);
  const { js } = await cachedEspruino(wasm, loadBoard(board), "async-chain.js");
  const awaits = async (firmware: Uint8Array | string): Promise<string[]> => {
    const trace = new TraceRecorder();
    const sim = await Simulator.load(firmware, { board, name: path, sites, ...trace.listeners });
    sim.runFor("1s");
    return trace.toJSON(sim.tasks()).traceEvents.filter((e) => e.cat === "await").map((e) => `${e.tid} ${e.ts} ${e.ph} ${e.name}`);
  };
  const wasmAwaits = await awaits(wasm);
  assert.ok(wasmAwaits.includes(`2 6000 B ${at("throw new SensorError()", "throw", "readRaw")}`), wasmAwaits.join("\n"));
  assert.equal(await awaits(js), wasmAwaits);
});

test.run();
