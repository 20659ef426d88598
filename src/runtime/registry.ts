/**
 * The task table: every task slot of every pool, by id. Filled while pools
 * are constructed (module initialisation or `main()`), fixed afterwards.
 * A task id is the index here; it is also the task's waker.
 *
 *   slots ──► [ Task* | Task* | … | (spare) ]   capacity: power of two ≥ count
 *              id 0    id 1
 *
 * `taskAt` is on the executor's hot path (every wake), so the table is a
 * raw array of object pointers: one load per lookup, no bounds check.
 */
import { Task } from "./task";
import { runQueueReserve } from "./run_queue";
import { timerQueueReserve } from "./timer_queue";

// @ts-ignore: decorator
@lazy let slots = new StaticArray<usize>(0);
let slotsBase: usize = 0;
let count: i32 = 0;

/** Adds a task slot; returns its id. Init only (the table cannot grow later). */
export function registerTask(task: Task): i32 {
  const id = count;
  if (id == slots.length) {
    const grown = new StaticArray<usize>(id == 0 ? 8 : id << 1);
    for (let i = 0; i < id; i++) grown[i] = slots[i];
    slots = grown;
    slotsBase = changetype<usize>(grown); // a StaticArray's reference is its first element
  }
  slots[id] = changetype<usize>(task); // the table holds every task alive for the program's life
  count = id + 1;
  runQueueReserve(count);
  timerQueueReserve(count);
  return id;
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

export function taskNameOf(id: i32): string {
  return id >= 0 && id < count ? taskAt(id).name : "?";
}
