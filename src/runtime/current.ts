/**
 * Which task the executor is polling right now: the implicit context that
 * futures use to learn their waker. None outside a poll (init, events).
 * Kept apart from the executor so low-level files (panic, rt) can read it
 * without importing the whole executor.
 *
 * It holds the task itself, not its id: the executor sets it with one
 * store per poll, and a waiter that keeps the task wakes it without a
 * table lookup (`wakeTask`).
 */
import { Task } from "./task";

let running: Task | null = null;

/** The task being polled, null outside a poll. What futures keep as their waker. */
// @ts-ignore: decorator
@inline export function runningTask(): Task | null {
  return running;
}

/** The id of the task being polled, -1 outside a poll. Firmware imports it as `currentTask` from "outpost". */
export function currentTaskId(): i32 {
  const task = running;
  return task === null ? -1 : task.id;
}

/** Set by the executor only, around each task poll. */
// @ts-ignore: decorator
@inline export function setRunningTask(task: Task | null): void {
  running = task;
}
