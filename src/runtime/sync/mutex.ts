/**
 * `Mutex`: one owner at a time, waiters served strictly in FIFO order.
 * It guards no data itself: a task owns whatever the mutex stands for from
 * the moment its `lock()` completes (or `tryLock()` returns true) until it
 * calls `unlock()`.
 *
 *   const bus = new Mutex(4, "i2c");   // at init: up to 4 lock() in flight
 *   // a task: poll bus.lock() until true; use the bus; bus.unlock()
 *
 * `unlock()` hands the mutex directly to the oldest waiter (it stays locked,
 * now owned by that waiter, which is woken), so a task that keeps
 * re-locking cannot overtake the queue. `tryLock()` succeeds only when the
 * mutex is free (and then nobody waits).
 *
 *   tryLock()/lock() ①                 unlock(), nobody waits ②
 *   FREE ──────────────────► LOCKED ─────────────────────────► FREE
 *                              │ ▲
 *                              └─┘ unlock() with waiters ③: the oldest waiter owns it
 *
 *   lock() future:  armed ── poll: free, nobody queued ──────────► owner (done)
 *                     │  └── poll: locked ─► QUEUED ── ③ ──► GRANTED ── poll ─► owner (done)
 *                     └── cancel(): leaves the queue; if already GRANTED, the
 *                         mutex goes on to the next waiter (as if unlocked)
 *
 * Cancel-safe: a cancelled lock() leaves the queue and never owns the mutex
 * afterwards. Lock futures come from a fixed pool of `waiters`, created with
 * the mutex; more in flight at once is a BUSY panic naming the mutex.
 * `unlock()` of a free mutex panics ABORT. The mutex does not check that the
 * owner is the one unlocking. No allocation after init; O(1) per operation.
 */
import { Future } from "../future";
import { wakeTask } from "../executor";
import { currentTaskId, runningTask } from "../current";
import { Task } from "../task";
import { WaiterSlots } from "./waiter_slots";
import { panicBadArgument, panicMisuse, panicWaitersBusy } from "../errors";
import { textOf } from "../text";
import { newStaticArray } from "../arrays";

@final
export class Mutex {
  readonly name: string;
  /** The owning task's id; -1 when free or locked outside a task. */
  owner: i32 = -1;
  private locked: bool = false;
  private lockers: StaticArray<MutexLock>;
  private slots: WaiterSlots;

  /** A free mutex with `waiters` lock futures. Allocates: init only. */
  constructor(waiters: i32 = 4, name: string = "") {
    if (waiters < 1) panicBadArgument(textOf("Mutex"), textOf("waiters must be at least 1"), waiters);
    this.name = name;
    this.lockers = newStaticArray<MutexLock>(waiters);
    this.slots = new WaiterSlots(waiters);
    for (let i = 0; i < waiters; i++) {
      const l = new MutexLock();
      l.mutex = this;
      l.slot = i;
      unchecked((this.lockers[i] = l)); // i < waiters, the array's length
    }
  }

  isLocked(): bool {
    return this.locked;
  }

  /** Takes the mutex if it is free; false (nothing changed) if not. Safe in event handlers. */
  tryLock(): bool {
    if (this.locked) return false;
    this.locked = true;
    this.owner = currentTaskId();
    return true;
  }

  /**
   * A future that completes once the caller owns the mutex. Cancel-safe (see
   * the file comment). Panics BUSY when `waiters` locks are in flight.
   */
  lock(): MutexLock {
    const i = this.slots.acquire();
    if (i < 0) panicWaitersBusy("Mutex", this.name, textOf("lock"), this.slots.size, textOf("waiters, name"));
    const l = unchecked(this.lockers[i]); // i < waiters: acquire() returns a slot index
    l.armed = true;
    l.granted = false;
    return l;
  }

  /** Releases the mutex: the oldest waiter becomes the owner, or it is free. */
  unlock(): void {
    if (!this.locked) panicMisuse("Mutex", this.name, textOf("called unlock() on a mutex that is not locked"));
    const i = this.slots.first();
    if (i < 0) {
      this.locked = false;
      this.owner = -1;
      return;
    }
    this.slots.unlink(i);
    const l = unchecked(this.lockers[i]); // i < waiters: a queued slot index
    l.granted = true;
    const task = l.task;
    this.owner = task === null ? -1 : task.id;
    if (task !== null) wakeTask(task);
  }

  /** @internal The lock future `l` is polled. */
  pollLock(l: MutexLock): bool {
    const slots = this.slots;
    if (!l.granted) {
      // Free implies nobody waits (unlock() hands a waited-for mutex on), so a free mutex is ours.
      if (this.locked) {
        if (!slots.isQueued(l.slot)) slots.enqueue(l.slot);
        l.task = runningTask();
        return false;
      }
      this.locked = true;
      this.owner = currentTaskId();
    }
    l.granted = false;
    l.armed = false;
    slots.release(l.slot);
    return true;
  }

  /** @internal The lock future `l` is dropped before completing. */
  cancelLock(l: MutexLock): void {
    const wasGranted = l.granted;
    l.granted = false;
    l.armed = false;
    this.slots.release(l.slot);
    // It owned the mutex without knowing it yet: pass it on.
    if (wasGranted) this.unlock();
  }
}

/** The future `Mutex.lock()` hands out; completes when the caller owns the mutex. */
@final
export class MutexLock extends Future {
  /** @internal */ mutex: Mutex | null = null;
  /** @internal Index in the mutex's pool. */ slot: i32 = 0;
  /** @internal Task to wake when the mutex is handed to it. */ task: Task | null = null;
  /** @internal Handed out and not yet completed or cancelled. */ armed: bool = false;
  /** @internal `unlock()` made this waiter the owner; its next poll completes. */ granted: bool = false;

  poll(): bool {
    if (!this.armed) return true; // completed earlier: stays complete until handed out again
    return changetype<Mutex>(changetype<usize>(this.mutex)).pollLock(this); // set at creation, never null
  }

  cancel(): void {
    if (!this.armed) return;
    changetype<Mutex>(changetype<usize>(this.mutex)).cancelLock(this); // set at creation, never null
  }
}
