/**
 * Tasks and task pools.
 *
 * A task is a top-level future the executor owns: its class extends `Task`
 * and implements `poll()` (true when the task has finished). Tasks are
 * declared statically in pools of fixed size; `spawn()` hands out a free
 * slot and never allocates.
 *
 * Task lifecycle (ids are fixed; states are what `outpost_task_state` reports):
 *
 *         spawn() ①           popped and polled ②
 *   FREE ───────────► READY ────────────────────► PARKED ── poll() → true ④ ──► FINISHED
 *                    (queued) ◄──── wake(id) ③ ─────┘                            │
 *                       ▲                                                         │
 *                       └──────────────────────── spawn() ⑤ ──────────────────────┘
 *
 *   ① TaskPool.spawn: state READY, pushed on the run queue.
 *   ② executor: the task leaves the queue and is PARKED while it is polled;
 *      if the poll returns false it waits for a wake (an event, a sync
 *      primitive, or its deadline in the timer queue).
 *   ③ wake(): a PARKED task (also one being polled) goes back on the run
 *      queue, at most once; wakes of READY, FREE and FINISHED tasks are no-ops.
 *   ④ executor: finished; its deadline and any run-queue entry are dropped.
 *   ⑤ a finished slot is reused by the next spawn from the same pool.
 *
 * Invariant: state == READY ⇔ the task has exactly one entry in the run
 * queue; every other state has none. One byte answers both "may a wake
 * queue it?" and "is it queued?", which keeps `wake` to a load, a compare
 * and a store.
 *
 * Header layout (32 bytes after asc's object header; the task's own state
 * follows in the subclass):
 *
 *   0  deadline   i64   armed deadline in the timer queue (NO_DEADLINE: none)
 *   8  name       ptr   the pool's name
 *  12  id         i32   index in the task table: the waker
 *  16  heapIndex  i32   position in the timer heap, -1 when not armed (size builds keep no heap: the
 *                       deadline's arming order instead, timer_queue.ts)
 *  20  polls      u32   times polled (introspection)
 *  24  site       i32   await site the task is parked at (set by lowered code)
 *  28  state      u8    TaskState
 */
import { Future, zeroOf } from "./future";
import { NO_DEADLINE } from "./time";
import { registerTask, taskAt, taskCount } from "./registry";
import { wakeTask } from "./executor";
import { panicPoolFull } from "./errors";


export namespace TaskState {
  // @ts-ignore: decorator
  @inline export const FREE: u8 = 0;
  // @ts-ignore: decorator
  @inline export const READY: u8 = 1;
  // @ts-ignore: decorator
  @inline export const PARKED: u8 = 2;
  // @ts-ignore: decorator
  @inline export const FINISHED: u8 = 3;
}

export abstract class Task extends Future {
  deadline: i64 = NO_DEADLINE;
  name: string = zeroOf<string>(); // set by registerTask before anything reads it
  id: i32 = -1;
  heapIndex: i32 = -1;
  polls: u32 = 0;
  site: i32 = -1;
  state: u8 = TaskState.FREE;

  // Declared again so the executor's call dispatches over task classes only, not every Future.
  abstract poll(): bool;

  /** On the run queue (same as `state == READY`). */
  get queued(): bool {
    return this.state == TaskState.READY;
  }
}

/**
 * A fixed number of slots for one kind of task, created at init.
 *
 *   const blinkers = new TaskPool<Blink>("blink", 2);
 *   // in main() or a task:
 *   const b = blinkers.spawn();   // a free slot, already scheduled
 *   b.period = millis(250);       // set its inputs before it first runs
 *
 * The first poll happens after the caller returns to the executor, so
 * fields set right after `spawn()` are seen by the task's first poll.
 */
export class TaskPool<T extends Task> {
  readonly name: string;
  readonly size: i32;
  /** The first slot's id: a pool's slots are registered together, so they are ids first … first + size - 1. */
  private readonly first: i32;

  /** Creates `size` task slots named `name`. Allocates: call at init only. */
  constructor(name: string, size: i32) {
    this.name = name;
    this.size = size;
    this.first = taskCount();
    for (let i = 0; i < size; i++) registerTask(instantiate<T>(), name); // a negative size gives no slots
  }

  /** A free slot, scheduled to run; null when every slot is running. */
  trySpawn(): T | null {
    return changetype<T | null>(spawnSlot(this.first, this.size));
  }

  /** A free slot, scheduled to run; panics with POOL_FULL when every slot is running. */
  spawn(): T {
    const task = this.trySpawn();
    if (task === null) panicPoolFull(this.name, this.size);
    return changetype<T>(task); // not null: panicPoolFull never returns
  }

  /** How many slots are running (not free or finished). */
  running(): i32 {
    let n = 0;
    for (let id = this.first, end = id + this.size; id < end; id++) {
      const s = taskAt(id).state; // a slot of this pool
      if (s == TaskState.READY || s == TaskState.PARKED) n++;
    }
    return n;
  }
}

/** `trySpawn` for the slots `first` … `first + size - 1`, shared by every pool's type. */
function spawnSlot(first: i32, size: i32): Task | null {
  for (let id = first, end = first + size; id < end; id++) {
    const task = taskAt(id); // a slot of the pool
    if (task.state == TaskState.FREE || task.state == TaskState.FINISHED) {
      task.site = -1;
      task.state = TaskState.PARKED;
      wakeTask(task);
      return task;
    }
  }
  return null;
}
