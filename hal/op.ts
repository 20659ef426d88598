/**
 * `Op<T>`: the base of every future a HAL peripheral hands out. A peripheral
 * preallocates one Op per direction (a UART's read, its write, a pin's wait)
 * at init and returns it, re-armed, from each call (`uart.read(buf)`), so
 * calling through a trait allocates nothing.
 *
 * Op adds what makes sharing one future per direction safe: it knows
 * whether an operation is in flight, and starting another one then is a
 * BUSY panic that names the owner (`UART0 already has a read in flight: …`)
 * rather than a silent takeover of someone else's operation.
 *
 *          begin() ①            poll() → false ②          poll() → true ③
 *   IDLE ───────────► ARMED ─────────────────► PENDING ─────────────────► DONE
 *    ▲  ▲              │ begin() ④ → BUSY       │ begin() ④ → BUSY panic     │
 *    │  │              ▼                        │                            │
 *    │  └───────────── cancel() ⑤ ◄─────────────┘                            │
 *    └────────────────────── begin() ① (DONE is as free as IDLE) ◄───────────┘
 *
 *   ① the arm method (`read`, `waitForHigh`, …) checks and sets ARMED.
 *   ② `park()`: the current task is recorded as the waiter.
 *   ③ `finish(v)`: the value is set and the direction is free again; DONE
 *      until it is re-armed, so awaiting the kept op again (`const r =
 *      uart.read(buf); await r; await r;`) gives the same result, as
 *      awaiting a settled promise does (`isDone`), instead of polling it.
 *   ④ an operation started and not yet completed or cancelled, polled or
 *      not, is someone's: `join(uart.write(a), uart.write(b))` would
 *      otherwise send only b. (A select cancels the branches it never
 *      polled, so they are free again.)
 *   ⑤ `cancel()` (a select loser, a timeout): `release()` undoes what the
 *      subclass registered, then the direction is free.
 *
 * Subclasses call `begin()` in their arm method, `park()`/`finish()` in
 * `poll()`, and override `release()` if they registered anything. Event
 * handlers call `wakeWaiter()` and nothing else.
 */
import { Task, Text, textOf, ValueFuture } from "outpost";
import { runningTask } from "outpost/current";
import { wakeTask } from "outpost/executor";
import { panicBusy } from "outpost/hal/messages";

export namespace OpState {
  // @ts-ignore: decorator
  @inline export const IDLE: u8 = 0;
  // @ts-ignore: decorator
  @inline export const ARMED: u8 = 1;
  // @ts-ignore: decorator
  @inline export const PENDING: u8 = 2;
  /** Completed, not re-armed since: free, and an await of it takes its value again. */
  // @ts-ignore: decorator
  @inline export const DONE: u8 = 3;
}

export abstract class Op<T> extends ValueFuture<T> {
  /** Who owns the direction, for messages: `UART0`, `pin 2 (BTN1)` (a TimerDelay keeps its bare name). Set once by the owner at init. */
  owner: string = "";
  /** What the operation is called in messages: `read`, `write`, `wait`. (No `Text` is null: an unnamed op is an "operation".) */
  what: Text = textOf("operation");
  opState: u8 = OpState.IDLE;
  /** The task to wake, null when none. */
  waiter: Task | null = null;

  /** Names the op for messages; called once by its owner at init. */
  named(owner: string, what: Text): void {
    this.owner = owner;
    this.what = what;
  }

  /** True while an operation is in flight (started, neither completed nor cancelled): another would be BUSY. */
  get busy(): bool {
    return this.opState == OpState.ARMED || this.opState == OpState.PENDING;
  }

  /** True once polled and waiting (a waiter is recorded): events may complete it. */
  get pending(): bool {
    return this.opState == OpState.PENDING;
  }

  /** Starts an operation: BUSY panic if one is in flight. */
  protected begin(): void {
    this.assertIdle();
    this.opState = OpState.ARMED;
  }

  /** Panics BUSY, naming this op, if it is in flight (for ops sharing a direction). */
  assertIdle(): void {
    if (this.busy) panicBusy(this.owner, this.what);
  }

  isDone(): bool {
    return this.opState == OpState.DONE;
  }

  /** Records the current task as the waiter; returns false (for `return this.park()`). */
  protected park(): bool {
    this.opState = OpState.PENDING;
    this.waiter = runningTask();
    return false;
  }

  /** Completes with `v`; returns true (for `return this.finish(v)`). */
  protected finish(v: T): bool {
    this.value = v;
    this.opState = OpState.DONE;
    this.waiter = null;
    return true;
  }

  /** Wakes the waiting task, if any. Safe in event handlers (O(1), no allocation). */
  wakeWaiter(): void {
    const task = this.waiter;
    if (task !== null) wakeTask(task);
  }

  cancel(): void {
    if (!this.busy) return;
    this.release();
    this.opState = OpState.IDLE;
    this.waiter = null;
  }

  /** Undoes what `poll` registered (listeners, flags); called by `cancel`. */
  protected release(): void {}
}
