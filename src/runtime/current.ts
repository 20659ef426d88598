/**
 * Which task the executor is polling right now: the implicit context that
 * futures use to learn their waker. `-1` outside a poll (init, events).
 * Kept apart from the executor so low-level files (panic, rt) can read it
 * without importing the whole executor.
 */

let current: i32 = -1;

/** The id of the task being polled, -1 outside a poll. Firmware imports it as `currentTask` from "outpost". */
export function currentTaskId(): i32 {
  return current;
}

/** Set by the executor only, around each task poll. */
export function setCurrentTaskId(id: i32): void {
  current = id;
}
