/** sim/trace.ts: the Trace Event Format file, checked against what the simulator recorded. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator, TraceRecorder, type TraceEvent } from "../../sim/index.ts";
import { boot } from "../hal/support.ts";
import { firmware } from "../fixtures/wat.ts";

test("one track per task and one for peripherals, named by metadata events", async () => {
  const trace = new TraceRecorder();
  const sim = await boot("test/firmware/deadlock.ts", trace.listeners);
  sim.runFor("1s");
  const file = JSON.parse(JSON.stringify(trace.toJSON(sim.tasks(), "deadlock"))) as { traceEvents: TraceEvent[]; displayTimeUnit: string };
  assert.equal(Object.keys(file), ["traceEvents", "displayTimeUnit"]);
  assert.is(file.displayTimeUnit, "ns");
  const names = file.traceEvents.filter((e) => e.ph === "M" && e.name !== "thread_sort_index").map((e) => [e.name, e.tid, e.args?.name]);
  assert.equal(names, [
    ["process_name", 0, "deadlock"],
    ["thread_name", 0, "peripherals"],
    ["thread_name", 1, "ping #0"],
    ["thread_name", 2, "pong #1"],
    ["thread_name", 3, "hello #2"],
  ]);
  for (const e of file.traceEvents) {
    assert.is(e.pid, 1);
    if (e.ph !== "M") assert.ok(Number.isInteger(e.ts) && e.ts! >= 0, JSON.stringify(e));
    if (e.ph === "i") assert.is(e.s, "t");
  }
  const finished = file.traceEvents.filter((e) => e.name === "finished").map((e) => [e.tid, e.ts]);
  assert.equal(finished, [[3, 0]]);
});

test("polls are complete events adding up to each task's polls; wakes and edges are instants", async () => {
  const trace = new TraceRecorder();
  const sim = await boot("test/firmware/deadlock_idle.ts", trace.listeners);
  sim.button("BTN1").tap("1s", "20ms");
  sim.runFor("2s");
  const events = trace.toJSON(sim.tasks()).traceEvents;
  const polls = events.filter((e) => e.ph === "X");
  assert.ok(polls.every((e) => e.name === "poll" && e.dur === 0 && e.tid === 1));
  assert.is(polls.reduce((n, e) => n + Number(e.args!.polls), 0), sim.tasks()[0]!.polls);
  assert.equal(polls.map((e) => e.ts), [0, 1_000_000]);
  const wakes = events.filter((e) => e.name === "wake");
  assert.equal(wakes.map((e) => [e.tid, e.ts, e.args?.cause]), [[1, 1_000_000, "GPIO_EDGE BTN1 low"]]);
  const edges = events.filter((e) => e.cat === "gpio").map((e) => ({ at: e.ts, level: e.args!.level }));
  assert.equal(edges, sim.pin("BTN1").history);
});

test("UART bytes are instants on the peripherals track, received ones with their fate", async () => {
  const trace = new TraceRecorder();
  const sim = await Simulator.load(firmware("echo"), trace.listeners);
  sim.uart("UART0").send("A\n");
  sim.runFor("10ms");
  const uart = trace.toJSON(sim.tasks()).traceEvents.filter((e) => e.cat === "uart").map((e) => [e.name, e.ts, e.args?.fate ?? ""]);
  assert.equal(uart, [
    ["UART0 rx 0x41 'A'", 87, "fifo"],
    ["UART0 rx 0x0a", 174, "fifo"],
    ["UART0 tx 0x41 'A'", 174, ""],
    ["UART0 tx 0x0a", 261, ""],
  ]);
});

test.run();
