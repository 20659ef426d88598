/**
 * The exports of ABI v1 (boards/ABI.md), re-exported by the entry file that
 * `outpost build` generates (which adds `outpost_init`). Thin: each forwards
 * to the module that owns the behaviour.
 */
import { ABI_VERSION } from "./abi";
import { runExecutor } from "./executor";
import { dispatchEvent } from "./events";
import { taskAt, taskCount } from "./registry";
import { Task } from "./task";
import { currentTaskId } from "./current";
import { scratch, textBegin, textLength, textString } from "./text";
import { chainOf } from "./chain";

export function outpost_abi_version(): i32 {
  return ABI_VERSION;
}

export function outpost_poll(): i64 {
  return runExecutor();
}

export function outpost_event(source: i32, arg: i32, at_us: i64): void {
  dispatchEvent(source, arg, at_us);
}

export function outpost_task_count(): i32 {
  return taskCount();
}

/** The task with this id, or null for an id no task has (the introspection exports answer -1 then). */
function taskOrNull(id: i32): Task | null {
  return <u32>id < <u32>taskCount() ? taskAt(id) : null;
}

export function outpost_task_name(id: i32): i32 {
  const task = taskOrNull(id);
  if (task === null) return -1;
  textBegin();
  textString(task.name);
  return textLength();
}

export function outpost_task_state(id: i32): i32 {
  const task = taskOrNull(id);
  return task === null ? -1 : task.state;
}

export function outpost_task_polls(id: i32): i32 {
  const task = taskOrNull(id);
  return task === null ? -1 : <i32>task.polls;
}

export function outpost_task_size(id: i32): i32 {
  const task = taskOrNull(id);
  // asc's object header ends with rtSize, the byte size of the object: the task header plus its own state
  return task === null ? -1 : <i32>load<u32>(changetype<usize>(task) - 4);
}

export function outpost_task_site(id: i32): i32 {
  const task = taskOrNull(id);
  return task === null ? -1 : task.site;
}

/** The task's await chain (chain.ts): site ids written to the scratch buffer as i32s, outermost first; returns how many (-1: no such task). */
export function outpost_task_chain(id: i32): i32 {
  const task = taskOrNull(id);
  return task === null ? -1 : chainOf(task, scratch);
}

export function outpost_current_task(): i32 {
  return currentTaskId();
}

export function outpost_scratch(): usize {
  return scratch;
}

export function outpost_heap_top(): usize {
  return __outpost_heap_top();
}
