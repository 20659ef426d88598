/**
 * Await chains (src/runtime/chain.ts): a task's whole chain of awaits,
 * outermost first, in the task table, a panic's report and the trace, each
 * site at the column of its `await` (or `throw`).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildTest } from "../helpers/firmware.ts";
import { Simulator, TraceRecorder } from "../../sim/index.ts";
import { formatChain } from "../../src/toolchain/cli/inspect.ts";
import { panicReport } from "../../src/toolchain/cli/outcome-text.ts";

const path = "test/firmware/async-chain.ts";
const source = readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), "utf8").split("\n");

/** `file:line:col in fn` of the first `word` on the line holding `text`. */
function at(text: string, word: string, fn: string): string {
  const line = source.findIndex((l) => l.includes(text));
  return `${path}:${line + 1}:${source[line]!.indexOf(word, source[line]!.indexOf(text)) + 1} in ${fn}`;
}

async function load(options: { trace?: TraceRecorder } = {}): Promise<Simulator> {
  const { wasm, text, sites } = await buildTest(path, "sim");
  return Simulator.load(wasm, { board: "sim", name: path, text, sites, ...(options.trace ? options.trace.listeners : {}) });
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

test.run();
