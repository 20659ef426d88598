/**
 * Futures: the one abstraction every async operation in Outpost implements.
 *
 * A future is an object that the executor (through a task) polls until it
 * completes. It never allocates while running: futures are created at init
 * (module level, `main()`, or a task's fields) and re-armed for each use.
 *
 *        arm (after/at/start…)        poll() → false            poll() → true
 *   idle ───────────────────► armed ──────────────► armed ──────────────► done
 *                               │  (registered a wake: a task id with
 *                               │   whatever will complete it, or a deadline
 *                               │   via scheduleWake)
 *                               └── cancel() ──► idle   (releases everything)
 *
 * Contract for implementers:
 * - `poll()` returns true once the future has completed: with a value
 *   (typed results live in `ValueFuture<T>.value`) or with an error
 *   (`failure()` is then non-null: `throw` in an async function). When it
 *   returns false it MUST have arranged for the current task
 *   (`currentTaskId()`) to be woken: otherwise the task sleeps forever.
 * - Spurious polls are allowed: a future may be polled when nothing changed.
 * - A wake asked for with `scheduleWake` lasts until the task's poll ends.
 *   A future that polls children and completes (select, join, timeout)
 *   drops the wakes they asked for in that poll (`wakeMark` /
 *   `dropWakesSince`), so a lost race does not leave a stray deadline.
 * - Cancellation has two phases (async drop). `cancel()` is called at most
 *   once per arming, on a future that was armed and has not completed, when
 *   its owner drops it (a `select` loser, a timed-out operation, a
 *   cancelled `join`). The future may never have been polled: a `select`
 *   cancels the branches its winning poll had not reached yet. `cancel()`
 *   releases what arming and polling took (waiter slots, queue places, pin
 *   listeners) so nothing is woken or lost later, and starts the future's
 *   cleanup (the `finally` blocks of an async function). The owner then
 *   calls `pollCancel()` until it returns true, as it would poll: true once
 *   the cleanup has finished and the future is idle again. Cleanup that does
 *   not wait (every hand-written future, and `finally` blocks without
 *   `await`) finishes inside `cancel()`, so the first `pollCancel()` is
 *   true. A `cancel()` during a cleanup does not interrupt it.
 *
 *            cancel() ①                   pollCancel() → true ③
 *   armed ───────────────► cleaning up ─────────────────────────► idle
 *                             │   ▲
 *                             └───┘ pollCancel() → false ② (a finally awaits;
 *                                   the task is woken when it can go on)
 *
 * - A completed future is not polled again until it is re-armed.
 */

export abstract class Future {
  /** Advances the future; true when complete (with a value, or with `failure()`). See the contract above. */
  abstract poll(): bool;

  /** Drops the future before completion, releasing what it holds and starting its cleanup. */
  cancel(): void {}

  /** Drives a cancellation's cleanup; true once it has finished (see the contract above). */
  pollCancel(): bool {
    return true;
  }

  /** After `poll()` returned true: the error the future completed with, or null for a value. */
  failure(): Error | null {
    return null;
  }

  /**
   * Introspection (chain.ts): the await site an async function's frame is
   * parked at (-1 for any other future). Only the task introspection
   * exports call it, so release builds carry none of this.
   */
  awaitSite(): i32 {
    return -1;
  }

  /** Introspection: the future this one waits on, for an await chain (null: none, or not known). */
  awaiting(): Future | null {
    return null;
  }

  /**
   * `select` and `join` say whether this future finished (false) or was
   * dropped unfinished (true: a select's loser, a child a failed join
   * cancelled). Only a future with a value keeps it (ValueFuture).
   */
  setLost(lost: bool): void {}

  /** True when the value of this future's latest run is not there (see setLost). */
  isLost(): bool {
    return false;
  }

  /**
   * True once the future has completed and until it is re-armed, for a future whose poll would start its
   * work again (a HAL operation): an `await` of a kept future that is done takes its result, as awaiting
   * a settled promise does, instead of polling it (which the contract above forbids).
   */
  isDone(): bool {
    return false;
  }
}

/** A future that completes with a value of type T, readable after `poll()` returned true. */
export abstract class ValueFuture<T> extends Future {
  value: T = zeroOf<T>();
  /**
   * Set while `value` is not this run's: `select` dropped the future as a
   * loser, or a failed `join` cancelled it; cleared when it wins, completes
   * in a join, or is awaited. Async code's reads of a kept future's
   * `.value` check it (`wonValue`), so a loser's value is a panic, never a
   * zero or an earlier run's value.
   */
  $lost: bool = false;

  setLost(lost: bool): void {
    this.$lost = lost;
  }

  isLost(): bool {
    return this.$lost;
  }
}

/**
 * The "nothing yet" value of any T: 0 for numbers, null for references
 * (which the holder never reads before it assigns a real value). Lets
 * generic fields start initialised without a `!`.
 */
// @ts-ignore: decorator
@inline export function zeroOf<T>(): T {
  if (isReference<T>()) return changetype<T>(0); // a placeholder, overwritten before use
  return <T>0;
}

/**
 * Cancels the future a field holds while it is in flight, if any, and
 * returns null: `this.inner = cancelHeld(this.inner)` in a `cancel()` or
 * `release()` that owns such a field.
 */
// @ts-ignore: decorator
@inline export function cancelHeld<F extends Future>(held: F | null): F | null {
  if (held !== null) held.cancel();
  return null;
}
