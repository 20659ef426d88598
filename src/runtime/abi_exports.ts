/**
 * The exports of ABI v1 (boards/ABI.md), re-exported by the entry file that
 * `outpost build` generates (which adds `outpost_init`). Thin: each forwards
 * to the module that owns the behaviour.
 */
import { ABI_VERSION } from "./abi";
import { runExecutor } from "./executor";
import { dispatchEvent } from "./events";
import { taskAt, taskCount } from "./registry";
import { currentTaskId } from "./current";
import { scratch, textBegin, textLength, textString } from "./text";

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

export function outpost_task_name(id: i32): i32 {
  if (id < 0 || id >= taskCount()) return -1;
  textBegin();
  textString(taskAt(id).name);
  return textLength();
}

export function outpost_task_state(id: i32): i32 {
  if (id < 0 || id >= taskCount()) return -1;
  return taskAt(id).state;
}

export function outpost_task_polls(id: i32): i32 {
  if (id < 0 || id >= taskCount()) return -1;
  return <i32>taskAt(id).polls;
}

export function outpost_task_size(id: i32): i32 {
  if (id < 0 || id >= taskCount()) return -1;
  // asc's object header ends with rtSize, the byte size of the object: the task header plus its own state
  return <i32>load<u32>(changetype<usize>(taskAt(id)) - 4);
}

export function outpost_task_site(id: i32): i32 {
  if (id < 0 || id >= taskCount()) return -1;
  return taskAt(id).site;
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
