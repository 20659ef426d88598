/**
 * Tasks and the run loop of the shim: `task()` pools, `reset()`,
 * `runUntil()`. Ids follow declaration order, the run queue is FIFO, and at
 * each instant tasks whose deadline is due wake in (deadline, arming) order,
 * as in src/runtime/executor.ts (and as JavaScript runs timers due together:
 * in the order they were set). A task's poll polls its root frame, which
 * starts on the first poll (spawning runs nothing).
 */
import { Cancelled, ShimError, ShimFuture, ShimTask, wake, world } from "./core.ts";

/** Starts a fresh world; `lazy`: async calls start when first polled (Outpost's rule) instead of when called. */
export function reset(options: { lazy?: boolean } = {}): void {
  world.now = 0;
  world.arms = 0;
  world.tasks = [];
  world.runQueue = [];
  world.trace = [];
  world.current = null;
  world.lazy = options.lazy ?? false;
}

export function traceLines(): string[] {
  return world.trace;
}

/** `task(size, body)`: a pool of `size` task slots over an async function; spawning never runs it before its first poll. */
export function task<A extends unknown[]>(size: number, body: (...args: A) => PromiseLike<void>) {
  const slots: ShimTask[] = [];
  for (let i = 0; i < size; i++) {
    const t = new ShimTask(world.tasks.length);
    world.tasks.push(t);
    slots.push(t);
  }
  const trySpawn = (...args: A): ShimTask | null => {
    const t = slots.find((s) => s.done);
    if (!t) return null;
    t.done = false;
    t.root = null;
    t.start = () => {
      const root = body(...args);
      if (!(root instanceof ShimFuture)) throw new ShimError("a task body did not return a frame: run the program through native.ts");
      return root as ShimFuture<void>;
    };
    wake(t);
    return t;
  };
  return {
    trySpawn,
    spawn(...args: A): ShimTask {
      const t = trySpawn(...args);
      if (!t) throw new ShimError(`POOL_FULL: task pool of ${size} is full`);
      return t;
    },
    running: (): number => slots.filter((s) => !s.done).length,
  };
}

/** One poll of a task: its root frame is polled (started on the first poll). */
async function pollTask(t: ShimTask): Promise<void> {
  world.current = t;
  const before = t.deadline;
  t.deadline = Infinity;
  if (t.start) {
    t.root = t.start();
    t.start = null;
  }
  const root = t.root!;
  if (await root.poll()) {
    t.done = true;
    t.deadline = Infinity;
    if (root.failed && !(root.error instanceof Cancelled)) {
      throw new ShimError(`task ${t.id} ended with an uncaught error: ${String(root.error)}`);
    }
  } else if (t.deadline !== before && t.deadline !== Infinity) {
    t.armSeq = ++world.arms; // a new deadline; the same one asked for again keeps its place
  }
  world.current = null;
}

/** Runs the world until virtual time `until` (µs): events at `until` itself still happen. */
export async function runUntil(until: number): Promise<void> {
  for (;;) {
    while (world.runQueue.length) {
      const t = world.runQueue.shift()!;
      t.queued = false;
      await pollTask(t);
    }
    const live = world.tasks.filter((t) => !t.done && t.deadline !== Infinity);
    const next = Math.min(...live.map((t) => t.deadline));
    if (!live.length || next > until) {
      world.now = until;
      return;
    }
    world.now = Math.max(world.now, next);
    for (const t of live.filter((t) => t.deadline <= world.now).sort((a, b) => a.deadline - b.deadline || a.armSeq - b.armSeq)) {
      t.deadline = Infinity; // taken off the timer queue: what it arms next is a new deadline
      wake(t);
    }
  }
}
