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
 * - `poll()` returns true once the result is ready (typed results live in
 *   `ValueFuture<T>.value`). When it returns false it MUST have arranged for
 *   the current task (`currentTaskId()`) to be woken: otherwise the task
 *   sleeps forever.
 * - Spurious polls are allowed: a future may be polled when nothing changed.
 * - `cancel()` is called at most once, only on a future that was polled and
 *   has not completed, when its owner drops it (a `select` loser, a timed-out
 *   operation). It must release what `poll` registered (waiter slots, pin
 *   listeners) so nothing is woken or lost later. The default does nothing:
 *   right for futures that hold nothing (timers).
 * - A completed future is not polled again until it is re-armed.
 */

export abstract class Future {
  /** Advances the future; true when complete. See the contract above. */
  abstract poll(): bool;

  /** Drops the future before completion, releasing what it holds. */
  cancel(): void {}
}

/** A future that completes with a value of type T, readable after `poll()` returned true. */
export abstract class ValueFuture<T> extends Future {
  value!: T;
}
