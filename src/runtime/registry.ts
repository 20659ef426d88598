/**
 * The task table: every task slot of every pool, by id. Filled while pools
 * are constructed (module initialisation or `main()`), fixed afterwards.
 * A task id is the index here; it is also the task's waker.
 */
import { Task } from "./task";
import { runQueueReserve } from "./run_queue";
import { timerQueueReserve } from "./timer_queue";

// @ts-ignore: decorator
@lazy const table = new Array<Task>();

/** Adds a task slot; returns its id. Init only (the table cannot grow later). */
export function registerTask(task: Task): i32 {
  const id = table.length;
  table.push(task);
  runQueueReserve(table.length);
  timerQueueReserve(table.length);
  return id;
}

export function taskCount(): i32 {
  return table.length;
}

/** The task with this id; callers pass ids that `registerTask` returned. */
// @ts-ignore: decorator
@inline export function taskAt(id: i32): Task {
  return unchecked(table[id]); // ids come from registerTask, so they are in range
}

export function taskNameOf(id: i32): string {
  return id >= 0 && id < table.length ? taskAt(id).name : "?";
}
