import { test } from "uvu";
import * as assert from "uvu/assert";
import { lines, simulate } from "../helpers/simulate.ts";

/** The deadlines test/firmware/timers.ts draws (same xorshift32, same seed). */
function plannedDeadlines(tasks: number, perTask: number): { task: number; at: number }[] {
  let seed = 0x2545f491;
  const next = (): number => {
    seed ^= seed << 13;
    seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    return seed;
  };
  const planned: { task: number; at: number }[] = [];
  for (let task = 0; task < tasks; task++) {
    let at = 0;
    for (let k = 0; k < perTask; k++) {
      at += (1 + (next() % 300)) * 10;
      planned.push({ task, at });
    }
  }
  return planned;
}

/**
 * The order `planned` wakes in: by deadline, ties (several tasks due at one instant) in the order the
 * deadlines were armed, as JavaScript runs timers due together in the order they were set. Each task
 * arms its first deadline when first polled (spawn order, at 0) and each next one as it wakes.
 */
function wakeOrder(planned: { task: number; at: number }[]): { task: number; at: number }[] {
  const byTask = new Map<number, number[]>();
  for (const p of planned) byTask.set(p.task, [...(byTask.get(p.task) ?? []), p.at]);
  let arms = 0;
  const armed = [...byTask].map(([task, ats]) => ({ task, at: ats[0]!, k: 0, seq: arms++ }));
  const order: { task: number; at: number }[] = [];
  while (armed.length > 0) {
    armed.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const first = armed.shift()!;
    order.push({ task: first.task, at: first.at });
    const ats = byTask.get(first.task)!;
    if (first.k + 1 < ats.length) armed.push({ task: first.task, at: ats[first.k + 1]!, k: first.k + 1, seq: arms++ });
  }
  return order;
}

test("1,000 random deadlines across 50 tasks wake in deadline order, each at its exact instant", async () => {
  const sim = await simulate("test/firmware/timers.ts");
  const planned = plannedDeadlines(50, 20);
  const last = Math.max(...planned.map((p) => p.at));
  sim.runFor(last + 1_000);
  assert.is(sim.panic, null);
  const expected = wakeOrder(planned).map((p) => `${p.at} t${p.task} ${p.at}`);
  assert.is(new Set(planned.map((p) => p.at)).size < planned.length, true, "the seed should produce ties");
  assert.equal(lines(sim), expected);
  assert.ok(sim.tasks().every((t) => t.state === "finished"));
});

test("deadlines moved earlier and later while armed still wake their task exactly at the latest one", async () => {
  const sim = await simulate("test/firmware/timer_rearm.ts");
  sim.runUntil((s) => s.logs.length >= 2, "10s");
  assert.is(sim.panic, null);
  const [late, moved] = lines(sim).map((l) => l.split(" ").slice(1).join(" "));
  assert.is(late, "late 0");
  const m = /^moved (\d+)$/.exec(moved ?? "");
  assert.ok(m && Number(m[1]) > 1000, `deadlines moved: ${moved}`);
});

test.run();
