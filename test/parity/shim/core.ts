/**
 * The heart of the shim (see index.ts for what it models): the world
 * (virtual time, tasks, run queue, trace), wakes, `ShimFuture` (Outpost's
 * future contract: poll, cancel, pollCancel, plus `then` so native `await`
 * works) and `Frame`, the model of one async call.
 *
 * A frame knows the one future its body awaits: `then` records it in the
 * running frame (an AsyncLocalStorage, kept across the body's awaits). The
 * frame's owner polls the frame; the frame polls what it awaits and, when
 * that completes, resumes the body (microtasks drained) until the body
 * finishes or awaits again, which it then polls at once — the order of a
 * lowered state machine's poll.
 *
 * Cancellation is two-phase, as for a lowered frame: `cancel()` cancels the
 * future the body awaits (innermost first) and marks the await so that,
 * once that future's own cleanup is over, it throws `Cancelled` into the
 * body: finally blocks run (native.ts makes catch blocks rethrow it), and
 * may await. `pollCancel()` drives the cleanup; true once it has finished.
 * Cancelling a frame that is already cleaning up changes nothing: the
 * cleanup goes on to its end (a cleanup bounds its own time with a timeout
 * inside its finally block). A finally block is cleanup however it was
 * entered: a frame cancelled while it awaits inside one (entered normally,
 * by a jump or by an error) finishes that block, and `Cancelled` is thrown
 * at its end instead of whatever the block would have gone on to do.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** What a cancelled frame's pending await throws: finally blocks run, catch blocks pass it on. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

/** A misuse of the shim by a program or the harness (not something Outpost would do). */
export class ShimError extends Error {}

export class ShimTask {
  readonly id: number;
  queued = false;
  deadline = Infinity;
  /** When the deadline was armed, as a count of arms: ties on the deadline wake in arming order. */
  armSeq = 0;
  done = true;
  root: ShimFuture<void> | null = null;
  start: (() => ShimFuture<void>) | null = null;
  constructor(id: number) {
    this.id = id;
  }
}

/** The world: virtual time, tasks, the run queue and the trace. reset() starts a fresh one. */
export const world = {
  now: 0,
  /** Deadlines armed so far. */
  arms: 0,
  tasks: [] as ShimTask[],
  runQueue: [] as ShimTask[],
  trace: [] as string[],
  current: null as ShimTask | null,
  lazy: false,
};

/** The frame whose body is running (set while a frame's body runs, kept across its awaits). */
const running = new AsyncLocalStorage<Frame<unknown>>();

/** The task being polled (futures register it as their waker). */
export function currentTask(): ShimTask {
  if (!world.current) throw new ShimError("a future was polled outside a task");
  return world.current;
}

export function wake(t: ShimTask): void {
  if (t.queued || t.done) return;
  t.queued = true;
  world.runQueue.push(t);
}

/** Asks for the current task to be polled again no later than `at`. */
export function scheduleWake(at: number): void {
  const t = currentTask();
  t.deadline = Math.min(t.deadline, at);
}

/** The earliest wake asked for so far in this poll (a combinator drops later ones when it completes). */
export function wakeMark(): number {
  return currentTask().deadline;
}

export function dropWakesSince(mark: number): void {
  currentTask().deadline = mark;
}

/** Lets every pending microtask run: the body of a resumed frame runs until it finishes or awaits again. */
export const drain = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

/**
 * A future: polled by its owner until it completes. `poll`, `cancel` and
 * `pollCancel` mirror Outpost's future contract (see the file comment);
 * `then` makes it awaitable by a native async body.
 */
export abstract class ShimFuture<T> implements PromiseLike<T> {
  value!: T;
  /** Completed with an error (in `error`) rather than a value. */
  failed = false;
  error: unknown = undefined;

  abstract poll(): boolean | Promise<boolean>;

  /** Starts dropping the future before it completes. */
  cancel(): void {}

  /** Drives a started cancellation; true once its cleanup has finished. */
  pollCancel(): boolean | Promise<boolean> {
    return true;
  }

  /** A native `await`: records this future as what the running frame waits for; the frame polls it. */
  then<R1 = T, R2 = never>(
    resolve?: ((v: T) => R1 | PromiseLike<R1>) | null,
    reject?: ((e: unknown) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    const frame = running.getStore();
    if (!frame) throw new ShimError("a future was awaited outside an async function prepared by native.ts");
    frame.awaitOn(this as ShimFuture<unknown>, resolve as (v: unknown) => void, reject as (e: unknown) => void);
    return undefined as unknown as PromiseLike<R1 | R2>;
  }

  /** Completes with `error`. */
  protected fail(error: unknown): void {
    this.failed = true;
    this.error = error;
  }
}

interface Await {
  fut: ShimFuture<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  /** The frame is being cancelled and has cancelled this future: on completion the await throws `Cancelled`. */
  cancelled: boolean;
}

/** One native async call: its body, and the future the body currently awaits. */
export class Frame<T> extends ShimFuture<T> {
  private readonly body: () => Promise<T>;
  private started = false;
  private settled = false;
  private cancelling = false;
  /** Cancelled, and `Cancelled` not yet thrown into the body (its finally blocks have not started). */
  private unwinding = false;
  /** Finally blocks the body is inside now ($enterFinally, $leaveFinally). */
  private finallyDepth = 0;
  /** Cancelled inside a finally block: `Cancelled` is thrown when that block ends. */
  private cancelAtFinallyEnd = false;
  private awaiting: Await | null = null;

  constructor(body: () => Promise<T>) {
    super();
    this.body = body;
    if (!world.lazy) this.start();
  }

  private start(): void {
    this.started = true;
    running.run(this as Frame<unknown>, () =>
      this.body().then(
        (v) => {
          this.value = v;
          this.settled = true;
        },
        (e) => {
          this.fail(e);
          this.settled = true;
        },
      ),
    );
  }

  /** The body awaits `fut` (called from `then`). */
  awaitOn(fut: ShimFuture<unknown>, resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
    if (this.awaiting) throw new ShimError("an async call awaits two futures at once");
    this.awaiting = { fut, resolve, reject, cancelled: false };
  }

  async poll(): Promise<boolean> {
    if (!this.started) {
      this.start();
      await drain();
    }
    return this.drive();
  }

  cancel(): void {
    if (this.settled || this.cancelling) return;
    this.cancelling = true;
    if (!this.started) {
      this.settled = true; // never ran: nothing to clean up
      return;
    }
    if (this.finallyDepth > 0) {
      this.cancelAtFinallyEnd = true; // the block goes on; its await is not cancelled
      return;
    }
    this.unwinding = true;
    this.cancelAwait();
  }

  /** The body enters a finally block. */
  enterFinally(): void {
    this.finallyDepth++;
  }

  /** The body leaves a finally block: if it was cancelled inside it, the cancellation goes on from here. */
  leaveFinally(): void {
    this.finallyDepth--;
    if (!this.cancelAtFinallyEnd) return;
    this.cancelAtFinallyEnd = false;
    throw new Cancelled();
  }

  /** While unwinding, the future the body awaits is cancelled, and its await will throw `Cancelled`. */
  private cancelAwait(): void {
    const w = this.awaiting;
    if (!w || w.cancelled || !this.unwinding) return;
    w.cancelled = true;
    w.fut.cancel();
  }

  pollCancel(): Promise<boolean> {
    return this.drive();
  }

  /** Polls what the body awaits and resumes it, until the body finishes (true) or waits (false). */
  private async drive(): Promise<boolean> {
    for (;;) {
      if (this.settled) return true;
      // A frame started by a call outside any body (a task's root) has not reached its first await yet.
      if (!this.awaiting) await drain();
      if (this.settled) return true;
      this.cancelAwait(); // cancelled before its first await was recorded
      const w = this.awaiting;
      if (!w) throw new ShimError("an async call neither finished nor awaits an Outpost future");
      if (!(await (w.cancelled ? w.fut.pollCancel() : w.fut.poll()))) return false;
      this.awaiting = null;
      if (w.cancelled) {
        this.unwinding = false; // later awaits are the cleanup's own
        w.reject(new Cancelled());
      }
      else if (w.fut.failed) w.reject(w.fut.error);
      else w.resolve(w.fut.value);
      await drain();
    }
  }
}

/** native.ts wraps every async function's body in this: the call becomes a frame. */
export function $async<T>(body: () => Promise<T>): Frame<T> {
  return new Frame(body);
}

/** native.ts wraps every finally block of an async body in these two (see Frame's cancel). */
export function $enterFinally(): Frame<unknown> {
  const frame = running.getStore();
  if (!frame) throw new ShimError("a finally block of an async function ran outside its frame");
  frame.enterFinally();
  return frame;
}

export function $leaveFinally(frame: Frame<unknown>): void {
  frame.leaveFinally();
}

/** native.ts puts this first in every catch block: cancellation runs finally blocks only. */
export function $rethrowCancel(e: unknown): void {
  if (e instanceof Cancelled) throw e;
}

