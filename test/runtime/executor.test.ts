import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Simulator } from "../../sim/index.ts";
import { lines, simulate } from "../helpers/simulate.ts";

let sim: Simulator;

test.before(async () => {
  sim = await simulate("test/firmware/executor.ts");
  sim.runFor("20ms");
});

function task(name: string): { state: string; polls: number } {
  const t = sim.tasks().find((t) => t.name === name);
  assert.ok(t, `task ${name} exists`);
  return t!;
}

test("a task that wakes itself and finishes in the same poll is not polled again; its slot respawns cleanly", () => {
  assert.is(sim.panic, null);
  assert.equal(lines(sim, "flash"), ["0 flash 1", "0 flash 2", "0 flash 3"]);
  assert.equal(task("flash"), { ...task("flash"), state: "finished", polls: 3 });
  assert.equal(lines(sim, "busy"), ["0 busy 1"]);
});

test("a deadline a task no longer waits for is dropped: no poll at the old timer's instant", () => {
  assert.equal(lines(sim, "race"), ["2000 race winner 1"]);
  // polled at 0 (parks) and at 2 ms (the signal; then parks on the signal alone)
  assert.equal(task("sleeper"), { ...task("sleeper"), state: "parked", polls: 2 });
});

test("the host sees task names, states and poll counts through the ABI", () => {
  assert.equal(
    sim.tasks().map((t) => `${t.name}:${t.state}`),
    ["idler:parked", "flash:finished", "respawner:finished", "sleeper:parked", "ringer:finished"],
  );
});

test("a Timer or Yield polled outside a task wakes no task: the first task polled is not polled again at the timer's instant", () => {
  assert.equal(lines(sim, "outside a task"), ["0 outside a task, timer done 0", "0 outside a task, yield done 0"]);
  assert.equal(task("idler"), { ...task("idler"), state: "parked", polls: 1 });
});

test.run();
