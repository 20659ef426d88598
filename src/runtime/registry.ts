/**
 * The task table: every task slot of every pool, by id. Filled while pools
 * are constructed (module initialisation or `main()`), fixed afterwards.
 * A task id is the index here: what `wake(id)`, introspection and
 * messages name a task by. (Futures keep the task itself as their waker.)
 *
 *   slots ──► [ Task* | Task* | … | (spare) ]   capacity: power of two ≥ count
 *              id 0    id 1
 *
 * The run queue and the timer heap hold at most one entry per task, so they
 * share the table's capacity: when a registration fills the table, all three
 * grow together (`growTable`), which is the only place any of them
 * allocates.
 *
 * `taskAt` serves `wake(id)` and the size builds' timer scan, so the table
 * is a raw array of object pointers: one load per lookup, no bounds check.
 */
import { Task } from "./task";
import { runQueueReserve } from "./run_queue";
import { timerQueueReserve } from "./timer_queue";
import { runningTask } from "./current";
import { RELEASE } from "./build";

let slotsBase: usize = 0;
let count: i32 = 0;
let capacity: i32 = 0;

/** Adds a task slot of the pool `name`; returns its id. Init only (the table cannot grow later). */
export function registerTask(task: Task, name: string): i32 {
  task.name = name;
  const id = count;
  if (id == capacity) {
    capacity = id == 0 ? 8 : id << 1;
    slotsBase = growTable(slotsBase, id, capacity);
    runQueueReserve(capacity);
    timerQueueReserve(capacity);
  }
  // id < capacity; the table holds every task alive for the program's life
  store<usize>(slotsBase + (<usize>id << alignof<usize>()), changetype<usize>(task));
  count = id + 1;
  task.id = id;
  return id;
}

/**
 * A new table of `capacity` words holding a copy of the first `used` words
 * at `from` (0 for none). The old table is abandoned: the heap never frees,
 * and tables only grow while pools are constructed. Init only: it allocates
 * (and panics ALLOC_AFTER_INIT once the heap is sealed).
 */
export function growTable(from: usize, used: i32, capacity: i32): usize {
  const to = heap.alloc(<usize>capacity << alignof<usize>());
  for (let i: usize = 0, n = <usize>used << alignof<usize>(); i < n; i += sizeof<usize>()) {
    store<usize>(to + i, load<usize>(from + i)); // i < used words ≤ both tables' sizes
  }
  return to;
}

export function taskCount(): i32 {
  return count;
}

/** The task with this id; callers pass ids that `registerTask` returned. */
// @ts-ignore: decorator
@inline export function taskAt(id: i32): Task {
  // ids come from registerTask, so id < count and the slot holds a Task
  return changetype<Task>(load<usize>(slotsBase + (<usize>id << alignof<usize>())));
}

/**
 * Records the await site the running task parks at (`Task.site`, which
 * `outpost_task_site` reports); lowered code calls it at each await.
 * Nothing in release builds, which have no introspection.
 */
// @ts-ignore: decorator
@inline export function recordSite(id: i32): void {
  if (RELEASE) return;
  const t = runningTask();
  if (t !== null) t.site = id;
}
