/**
 * `Signal<T>`: hands the latest value from any number of signallers to one
 * waiter. Signalling never blocks and never fails; a value signalled while
 * the previous one is still untaken replaces it (latest value wins).
 *
 *   const ready = new Signal<i32>("ready");   // at init
 *   ready.signal(42);                         // a task or an event handler
 *   // in a task: poll ready.wait() until true, then read ready.value
 *
 * A signal has exactly one waiter, so it is its own wait future: `wait()`
 * returns the signal, ready to poll. Who may call: `signal`, `tryTake`,
 * `reset` anyone, including event handlers; `wait()` one task at a time:
 * while a task is parked on the signal, a `wait()` or poll from another
 * task is a BUSY panic naming the signal and both tasks.
 *
 *   signal(v)         signal(v)             poll() takes it
 *   ─────────► SET ─────────────► SET ───────────────────────► EMPTY
 *   EMPTY      value=v            value=v (replaced)           (.value stays v)
 *
 *   waiter:  nobody ── poll() finds EMPTY ──► parked (waiterTask = the task)
 *              ▲                                 │
 *              └── poll() takes a value, or cancel() ◄┘
 *
 * Invariant: `pending` is true exactly while a signalled value is untaken;
 * `waiterTask` is the task parked on the signal (null: none).
 */
import { ValueFuture } from "../future";
import { wakeTask } from "../executor";
import { Task } from "../task";
import { runningTask } from "../current";
import { panicSecondWaiter } from "../errors";

@final
export class Signal<T> extends ValueFuture<T> {
  readonly name: string;
  /** A value was signalled and not yet taken. */
  pending: bool = false;
  /** Task to wake on `signal`, null when nobody waits. */
  waiterTask: Task | null = null;

  /** Allocates: init only. `name` appears in panic messages. */
  constructor(name: string = "") {
    super();
    this.name = name;
  }

  /**
   * Stores `v` in `.value` (replacing any untaken value) and wakes the
   * waiter. Never blocks, never allocates; O(1); safe in event handlers.
   */
  // @ts-ignore: decorator
  @inline signal(v: T): void {
    this.value = v;
    this.pending = true;
    const task = this.waiterTask;
    if (task !== null) wakeTask(task);
  }

  /**
   * The signal as the future of its one waiter: it completes with the next
   * untaken value (at once if one is pending), takes it, and leaves it in
   * `.value`. Cancel-safe: a cancelled wait takes nothing, the value stays
   * pending. No allocation; O(1). Panics BUSY if another task is parked on
   * it (the parked task itself may call `wait()` again: it gets the same
   * future back).
   */
  // @ts-ignore: decorator
  @inline wait(): Signal<T> {
    const parked = this.waiterTask;
    if (parked !== null && parked !== runningTask()) this.busy();
    return this;
  }

  /** Takes the pending value (it stays in `.value`) if there is one; false, and nothing changes, if not. */
  tryTake(): bool {
    if (!this.pending) return false;
    this.pending = false;
    return true;
  }

  /** True when a value is waiting to be taken. */
  signaled(): bool {
    return this.pending;
  }

  /** Drops an untaken value. */
  reset(): void {
    this.pending = false;
  }

  /** The wait future: completes when a value is pending, taking it. */
  // @ts-ignore: decorator
  @inline poll(): bool {
    if (this.pending) {
      this.pending = false;
      this.waiterTask = null;
      return true;
    }
    const task = runningTask();
    const parked = this.waiterTask;
    if (parked !== task && parked !== null) this.busy();
    this.waiterTask = task;
    return false;
  }

  cancel(): void {
    this.waiterTask = null;
  }

  /** Called only while a task is parked here (waiterTask is not null). */
  private busy(): void {
    // not null (see above): a cast, since `!` would add a null check and its abort text
    panicSecondWaiter(nameof<Signal<T>>(), this.name, changetype<Task>(this.waiterTask).id);
  }
}
