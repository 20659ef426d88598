/** sim/task-monitor.ts: polls, wakes, time in state and the state history, seen from the host. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { type LoadOptions, Simulator, type TaskEvent, type TaskInfo } from "../../sim/index.ts";
import { boot } from "../hal/support.ts";
import { assemble, moduleText } from "../fixtures/wat.ts";

test("a spawn is not a wake; the edge that wakes the task is", async () => {
  const events: TaskEvent[] = [];
  const sim = await boot("test/firmware/deadlock_idle.ts", { onTask: (e) => events.push(e) });
  sim.button("BTN1").bounceMs = 0;
  sim.button("BTN1").press("1s");
  sim.runFor("3s");
  assert.equal(sim.tasks(), [{ id: 0, name: "waiter", state: "finished", polls: 2, wakes: 1, since: 1_000_000, site: sim.tasks()[0]!.site, where: null, chain: [] }]);
  assert.equal(sim.taskHistory(0), [
    { at: 0, state: "ready" },
    { at: 0, state: "parked" },
    { at: 1_000_000, state: "ready" },
    { at: 1_000_000, state: "finished" },
  ]);
  assert.equal(events, [
    { kind: "state", id: 0, name: "waiter", at: 0, state: "ready" },
    { kind: "poll", id: 0, name: "waiter", at: 0, count: 1 },
    { kind: "state", id: 0, name: "waiter", at: 0, state: "parked" },
    { kind: "wake", id: 0, name: "waiter", at: 1_000_000, count: 1, cause: "GPIO_EDGE BTN1 low" },
    { kind: "state", id: 0, name: "waiter", at: 1_000_000, state: "ready" },
    { kind: "poll", id: 0, name: "waiter", at: 1_000_000, count: 1 },
    { kind: "state", id: 0, name: "waiter", at: 1_000_000, state: "finished" },
  ]);
});

test("a parked task's time in state runs from its last poll", async () => {
  const sim = await boot("test/firmware/deadlock.ts");
  sim.runFor("2s");
  const [ping] = sim.tasks();
  assert.is(ping!.state, "parked");
  assert.is(ping!.since, 0);
  assert.is(sim.now - ping!.since, 2_000_000);
});

/** Blinky whose `outpost_task_state` logs "read" each time the host calls it. */
function countingBlinky(): Uint8Array {
  const blinky = readFileSync(new URL("../fixtures/blinky.wat", import.meta.url), "utf8");
  return assemble(
    moduleText(`${blinky}
(data (i32.const 0xE000) "read")
(func (export "outpost_task_state") (param i32) (result i32)
  (call $log (i32.const 4) (i32.const 0xE000) (i32.const 4))
  (i32.const 2))`),
  );
}
const reads = (sim: Simulator): number => sim.logs.filter((l) => l.text === "read").length;

test("without a listener, polls read no task: tasks() reads each one once, when asked", async () => {
  const sim = await Simulator.load(countingBlinky());
  assert.is(reads(sim), 1, "the sample after init");
  sim.runFor("2s");
  assert.is(sim.stats.polls, 5);
  assert.is(reads(sim), 1);
  assert.is(sim.tasks()[0]!.polls, 5);
  assert.is(reads(sim), 2);
  sim.tasks();
  assert.is(reads(sim), 2, "nothing ran since: no new read");
});

test("with watchTasks or a listener, every poll reads every task", async () => {
  const watched = await Simulator.load(countingBlinky(), { watchTasks: true });
  watched.runFor("2s");
  assert.is(reads(watched), 1 + 5);
  const heard = await Simulator.load(countingBlinky(), { onTask: () => {} });
  heard.runFor("2s");
  assert.is(reads(heard), 1 + 5);
});

/** Boots `path` with `options` and runs `drive`; its tasks (`since` left out) and the last state in each history. */
async function observe(path: string, options: LoadOptions, drive: (sim: Simulator) => void): Promise<{ tasks: Omit<TaskInfo, "since">[]; ends: string[] }> {
  const sim = await boot(path, options);
  drive(sim);
  const tasks = sim.tasks().map(({ since: _, ...t }) => t);
  return { tasks, ends: tasks.map((t) => `${t.name} ${sim.taskHistory(t.id).at(-1)?.state}`) };
}

test("read on demand, tasks show the same states, polls, wakes and sites as watched", async () => {
  const runs: [string, (sim: Simulator) => void][] = [
    ["test/firmware/signal.ts", (sim) => {
      sim.pin("P4").drive(1, 3_000);
      sim.pin("P4").drive(0, 5_000);
      sim.runFor("10ms");
    }],
    ["examples/shell/main.ts", (sim) => {
      sim.uart("UART0").send("help\nled on\nstatus\n", { at: "10ms" });
      sim.runFor("1s");
    }],
  ];
  for (const [path, drive] of runs) {
    const watched = await observe(path, { watchTasks: true }, drive);
    const onDemand = await observe(path, {}, drive);
    assert.ok(watched.tasks.some((t) => t.wakes > 0), `${path} should wake a task`);
    assert.equal(onDemand, watched, path);
  }
});

test("on demand, a slot that finishes and is spawned again between two looks counts the respawn as a wake", async () => {
  const run = (sim: Simulator): void => sim.runFor("100ms");
  const watched = await observe("test/firmware/async-pool.ts", { watchTasks: true }, run);
  const onDemand = await observe("test/firmware/async-pool.ts", {}, run);
  const wakes = (r: typeof watched): number[] => r.tasks.map((t) => t.wakes);
  assert.equal(onDemand.tasks.map((t) => t.polls), watched.tasks.map((t) => t.polls));
  assert.equal(wakes(onDemand).reduce((a, b) => a + b), wakes(watched).reduce((a, b) => a + b) + 1);
});

test.run();
