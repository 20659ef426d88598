/** sim/task-monitor.ts: polls, wakes, time in state and the state history, seen from the host. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { TaskEvent } from "../../sim/index.ts";
import { boot } from "../hal/support.ts";

test("a spawn is not a wake; the edge that wakes the task is", async () => {
  const events: TaskEvent[] = [];
  const sim = await boot("test/firmware/deadlock_idle.ts", { onTask: (e) => events.push(e) });
  sim.button("BTN1").bounceMs = 0;
  sim.button("BTN1").press("1s");
  sim.runFor("3s");
  assert.equal(sim.tasks(), [{ id: 0, name: "waiter", state: "finished", polls: 2, wakes: 1, since: 1_000_000, site: sim.tasks()[0]!.site, where: null }]);
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

test.run();
