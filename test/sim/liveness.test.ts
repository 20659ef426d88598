/** sim/liveness.ts: running, idle, done and deadlock, on real firmware and on the definitions. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator, assessLiveness, type TaskInfo } from "../../sim/index.ts";
import { boot } from "../hal/support.ts";
import { firmware } from "../fixtures/wat.ts";

test("two tasks waiting on each other's Signals are a deadlock, found at once and naming both", async () => {
  const sim = await boot("test/firmware/deadlock.ts");
  sim.runFor("10s");
  assert.is(sim.now, 10_000_000, "time still runs to the end");
  assert.is(sim.deadlock?.at, 0);
  assert.equal(sim.deadlock?.parked.map((t) => [t.name, t.state, t.polls]), [["ping", "parked", 1], ["pong", "parked", 1]]);
  assert.equal(sim.tasks().map((t) => [t.name, t.state]), [["ping", "parked"], ["pong", "parked"], ["hello", "finished"]]);
  assert.is(sim.liveness().kind, "deadlock");
  // Each parked task stored its await site (the firmware numbers them 0 and 1), read through outpost_task_site.
  assert.equal(sim.tasks().slice(0, 2).map((t) => t.site), [0, 1]);
});

test("a task waiting for a button is idle, not deadlocked; the press finishes it", async () => {
  const sim = await boot("test/firmware/deadlock_idle.ts");
  sim.runFor("10s");
  assert.is(sim.deadlock, null);
  assert.equal(sim.liveness(), { kind: "idle", inputs: ["BTN1"] });
  sim.button("BTN1").tap("11s", "50ms");
  sim.runFor("2s");
  assert.equal(sim.liveness(), { kind: "done" });
  assert.is(sim.deadlock, null);
  assert.equal(sim.logs.map((l) => `${l.at} ${l.text}`), ["11000000 pressed"]);
});

test("a firmware with a deadline is running; one listening to a UART is idle", async () => {
  const blinky = await Simulator.load(firmware("blinky"));
  assert.equal(blinky.liveness(), { kind: "running", next: 500_000 });
  const echo = await Simulator.load(firmware("echo"));
  echo.runFor("1s");
  assert.equal(echo.liveness(), { kind: "idle", inputs: ["UART0"] });
  echo.uart("UART0").send("x");
  assert.equal(echo.liveness(), { kind: "running", next: 1_000_087 });
});

test("the definitions: what is scheduled comes first, then tasks, then listened inputs", () => {
  const task = (state: TaskInfo["state"]): TaskInfo => ({ id: 0, name: "t", state, polls: 1, wakes: 0, since: 0, site: null, where: null, chain: null });
  const facts = { stopped: false, next: Infinity, inputs: [] as string[], tasks: () => [task("parked"), task("finished")] };
  assert.equal(assessLiveness({ ...facts, stopped: true }), { kind: "stopped" });
  assert.equal(assessLiveness({ ...facts, next: 5 }), { kind: "running", next: 5 });
  assert.equal(assessLiveness({ ...facts, inputs: ["BTN1"] }), { kind: "idle", inputs: ["BTN1"] });
  assert.equal(assessLiveness(facts), { kind: "deadlock", parked: [task("parked")] });
  assert.equal(assessLiveness({ ...facts, tasks: () => [task("finished"), task("free")] }), { kind: "done" });
  assert.equal(assessLiveness({ ...facts, tasks: () => [] }), { kind: "done" });
});

test("a deadlocked fixture reports each parked task's await site, and its source with a site table", async () => {
  const sites = [{ id: 1, file: "src/pong.ts", line: 7, column: 3, fn: "pong" }];
  const sim = await Simulator.load(firmware("deadlock"), { sites });
  sim.runFor("1s");
  assert.equal(sim.deadlock, {
    at: 0,
    parked: [
      { id: 0, name: "ping", state: "parked", polls: 0, wakes: 0, since: 0, site: 0, where: null, chain: null },
      { id: 1, name: "pong", state: "parked", polls: 0, wakes: 0, since: 0, site: 1, where: sites[0], chain: null },
    ],
  });
});

test.run();
