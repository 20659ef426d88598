/**
 * A task over a named async function (`task(1, waiter)`) whose parameters
 * are named as the task's own fields (`id`, the id its wakers name; `name`,
 * `state`, `deadline`): the lowering keeps them apart, so the Signal wakes
 * the waiter (and not the task whose id the parameter's value is) and each
 * parameter reads back as spawned; parameters and locals named as the
 * methods of a frame's base class (`failure`, `awaitSite`) build and keep
 * their values (test/firmware/task-header-params.ts).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

test("parameters named id, name, state and deadline neither overwrite the task's own nor misdirect its wakes; locals named as a frame's methods build", async () => {
  const sim = await simulate("test/firmware/task-header-params.ts");
  sim.runFor("20ms");
  assert.is(sim.panic, null);
  assert.equal(lines(sim), ["2000 waiter step 243", "2000 waiter got 7", "2000 waiter params 234", "10000 first done"]);
  assert.equal(sim.tasks().map((t) => `${t.name}:${t.state}`), ["first:finished", "waiters:finished", "sender:finished"]);
});

test.run();
