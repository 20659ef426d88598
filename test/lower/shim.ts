/**
 * A tiny promise-based twin of Outpost's firmware API for Node, so an async
 * firmware can run as plain TypeScript with native async/await: virtual
 * time, `Timer`, `Yield`, `Duration`, `log`, `task`, `select`,
 * `withTimeout`. The differential test runs each program here and lowered
 * in the simulator, and compares the traces.
 *
 * Scheduling mirrors Outpost's executor: tasks have ids in declaration
 * order; a FIFO run queue; at each instant due tasks wake in (deadline, id)
 * order; polling a task polls every future it is waiting on and lets it run
 * (microtasks drained) until it waits again. A future awaited when it is
 * already complete continues at once, as a lowered await does.
 *
 * Cancellation (a select loser, a timeout) rejects the futures the losing
 * async call is waiting on with `Cancelled`, so its `finally` blocks run,
 * and the select completes only once that call has settled — the order in
 * which Outpost runs a cancelled frame's finally blocks. The shim supports
 * one async-function branch per select and no select inside such a branch.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export class Cancelled extends Error {}

interface Wait {
  fut: ShimFuture<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

class ShimTask {
  waits: Wait[] = [];
  queued = false;
  deadline = Infinity;
  done = true;
  start: (() => void) | null = null;
  /** A select whose cancelled async call is unwinding: poll it again once it has. */
  again: ShimFuture<unknown> | null = null;
  constructor(readonly id: number) {}
}

const als = new AsyncLocalStorage<ShimTask>();
let now = 0;
let tasks: ShimTask[] = [];
let runQueue: ShimTask[] = [];
let trace: string[] = [];

/** Starts a fresh world (each program gets one). */
export function reset(): void {
  now = 0;
  tasks = [];
  runQueue = [];
  trace = [];
}

export function traceLines(): string[] {
  return trace;
}

function wake(t: ShimTask): void {
  if (t.queued || t.done) return;
  t.queued = true;
  runQueue.push(t);
}

abstract class ShimFuture<T> implements PromiseLike<T> {
  value!: T;
  abstract poll(task: ShimTask): boolean;
  cancel(_task: ShimTask): void {}
  then<R1 = T, R2 = never>(res?: ((v: T) => R1 | PromiseLike<R1>) | null, rej?: ((e: unknown) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    const task = als.getStore();
    if (!task) throw new Error("shim: a future was awaited outside a task");
    const resolve = res as (v: unknown) => void;
    if (this.poll(task)) resolve(this.value);
    else task.waits.push({ fut: this as ShimFuture<unknown>, resolve, reject: rej as (e: unknown) => void });
    return undefined as unknown as PromiseLike<R1 | R2>;
  }
}

export class Timer extends ShimFuture<void> {
  expires = 0;
  static after(d: number): Timer {
    const t = new Timer();
    t.expires = now + d;
    return t;
  }
  poll(task: ShimTask): boolean {
    if (now >= this.expires) return true;
    task.deadline = Math.min(task.deadline, this.expires);
    return false;
  }
}

export class Yield extends ShimFuture<void> {
  private yielded = false;
  static now(): Yield {
    return new Yield();
  }
  poll(task: ShimTask): boolean {
    if (this.yielded) return true;
    this.yielded = true;
    wake(task);
    return false;
  }
}

type Branch = ShimFuture<unknown> | Promise<unknown>;

/** One branch of a select: a shim future, or the promise of a native async call. */
class Arm {
  settled = false;
  constructor(readonly b: Branch) {
    if (b instanceof Promise) b.then(() => (this.settled = true), () => (this.settled = true));
  }
  ready(task: ShimTask): boolean {
    return this.b instanceof Promise ? this.settled : this.b.poll(task);
  }
  /** Cancels: a shim future is dropped; a native call has every other wait of the task rejected. */
  drop(task: ShimTask, keep: ShimFuture<unknown>): void {
    task.again = keep;
    if (!(this.b instanceof Promise)) return this.b.cancel(task);
    const mine = task.waits.filter((w) => w.fut !== keep);
    task.waits = task.waits.filter((w) => w.fut === keep);
    for (const w of mine) w.reject(new Cancelled());
  }
}

export class Select extends ShimFuture<number> {
  private arms: Arm[];
  private winner = -1;
  /** The future the task awaits (this, or a WithTimeout around it). */
  owner: ShimFuture<unknown> = this;
  constructor(branches: Branch[]) {
    super();
    this.arms = branches.map((b) => new Arm(b));
  }
  poll(task: ShimTask): boolean {
    if (this.winner < 0) {
      this.winner = this.arms.findIndex((a) => a.ready(task));
      if (this.winner < 0) return false;
      this.arms.forEach((a, i) => i !== this.winner && a.drop(task, this.owner));
    }
    // Complete once every cancelled native call has run its finally blocks.
    if (this.arms.some((a, i) => i !== this.winner && a.b instanceof Promise && !a.settled)) return false;
    this.value = this.winner;
    return true;
  }
}

export function select(a: Branch, b: Branch): Select {
  return new Select([a, b]);
}

export class WithTimeout extends ShimFuture<void> {
  timedOut = false;
  private sel: Select;
  constructor(d: number, f: Branch) {
    super();
    this.sel = new Select([f, Timer.after(d)]);
    this.sel.owner = this;
  }
  poll(task: ShimTask): boolean {
    if (!this.sel.poll(task)) return false;
    this.timedOut = this.sel.value === 1;
    return true;
  }
}

export function withTimeout(d: number, f: Branch): WithTimeout {
  return new WithTimeout(d, f);
}

export const Duration = {
  micros: (n: number) => n,
  millis: (n: number) => n * 1_000,
  seconds: (n: number) => n * 1_000_000,
};

export const log = {
  info(text: string): void {
    trace.push(`${now} ${text}`);
  },
  infoInt(label: string, value: number | bigint | boolean): void {
    trace.push(`${now} ${label} ${Number(value)}`);
  },
};

export function task<A extends unknown[]>(size: number, body: (...args: A) => Promise<void>) {
  const slots: ShimTask[] = [];
  for (let i = 0; i < size; i++) {
    const t = new ShimTask(tasks.length);
    tasks.push(t);
    slots.push(t);
  }
  const trySpawn = (...args: A): ShimTask | null => {
    const t = slots.find((s) => s.done);
    if (!t) return null;
    t.done = false;
    t.waits = [];
    t.start = () => {
      body(...args).then(
        () => (t.done = true),
        (e) => {
          t.done = true;
          if (!(e instanceof Cancelled)) throw e;
        },
      );
    };
    wake(t);
    return t;
  };
  return {
    trySpawn,
    spawn(...args: A): ShimTask {
      const t = trySpawn(...args);
      if (!t) throw new Error(`POOL_FULL: task pool of ${size} is full`);
      return t;
    },
    running: (): number => slots.filter((s) => !s.done).length,
  };
}

const drain = () => new Promise<void>((r) => setImmediate(r));

/**
 * One poll of a task: each future it waits on is polled once, in order; a
 * complete one resumes the task, which runs (microtasks drained) until it
 * waits again — futures it awaits then are polled as they are awaited.
 */
async function pollTask(t: ShimTask): Promise<void> {
  t.deadline = Infinity;
  if (t.start) {
    const start = t.start;
    t.start = null;
    als.run(t, start);
    await drain();
  }
  const waits = t.waits;
  t.waits = [];
  for (const w of waits) {
    let ready = w.fut.poll(t);
    while (!ready && t.again === w.fut) {
      // A select cancelled an async call: let it run its finally blocks, then poll the select again.
      t.again = null;
      await drain();
      ready = w.fut.poll(t);
    }
    if (!ready) {
      t.waits.push(w);
      continue;
    }
    w.resolve(w.fut.value);
    await drain();
  }
}

/** Runs the world until virtual time `until` (µs). */
export async function runUntil(until: number): Promise<void> {
  for (;;) {
    while (runQueue.length) {
      const t = runQueue.shift()!;
      t.queued = false;
      await pollTask(t);
    }
    const live = tasks.filter((t) => !t.done && t.deadline !== Infinity);
    const next = Math.min(...live.map((t) => t.deadline));
    if (!live.length || next > until) {
      now = until;
      return;
    }
    now = Math.max(now, next);
    for (const t of live.filter((t) => t.deadline <= now).sort((a, b) => a.deadline - b.deadline || a.id - b.id)) wake(t);
  }
}
