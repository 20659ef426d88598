/**
 * The integrated timer queue: a binary min-heap of tasks keyed by
 * (deadline, id). Each task carries its own deadline and heap position, so
 * the queue needs no nodes of its own: scheduling, rescheduling and removal
 * are O(log n) without allocation, and the executor asks the host for one
 * alarm — the root's deadline.
 *
 *   heap[0] = earliest        heap[i]'s children: heap[2i+1], heap[2i+2]
 *   task.heapIndex = i  ⇔  heap[i] == task.id;   -1 when not queued
 *
 * Ties on the deadline break by task id, so tasks due at the same instant
 * wake in a stable order: the simulator's traces are deterministic.
 */
import { Task } from "./task";
import { NO_DEADLINE } from "./time";
import { taskAt } from "./registry";

// @ts-ignore: decorator
@lazy let heap = new StaticArray<i32>(0);
let size: i32 = 0;

/** Makes room for `tasks` entries. Init only: it allocates when it grows. */
export function timerQueueReserve(tasks: i32): void {
  if (tasks <= heap.length) return;
  let capacity = 8;
  while (capacity < tasks) capacity <<= 1;
  const grown = new StaticArray<i32>(capacity);
  for (let i = 0; i < size; i++) grown[i] = heap[i];
  heap = grown;
}

// @ts-ignore: decorator
@inline function before(a: Task, b: Task): bool {
  return a.deadline < b.deadline || (a.deadline == b.deadline && a.id < b.id);
}

function place(i: i32, task: Task): void {
  unchecked((heap[i] = task.id)); // i < size <= capacity
  task.heapIndex = i;
}

function siftUp(i: i32, task: Task): void {
  while (i > 0) {
    const parentIndex = (i - 1) >> 1;
    const parent = taskAt(unchecked(heap[parentIndex])); // parentIndex < i < size
    if (!before(task, parent)) break;
    place(i, parent);
    i = parentIndex;
  }
  place(i, task);
}

function siftDown(i: i32, task: Task): void {
  while (true) {
    let child = 2 * i + 1;
    if (child >= size) break;
    let smallest = taskAt(unchecked(heap[child])); // child < size
    if (child + 1 < size) {
      const right = taskAt(unchecked(heap[child + 1])); // child + 1 < size
      if (before(right, smallest)) {
        smallest = right;
        child++;
      }
    }
    if (!before(smallest, task)) break;
    place(i, smallest);
    i = child;
  }
  place(i, task);
}

/** Arms, re-arms or (with NO_DEADLINE) disarms the task's deadline. */
export function timerSet(task: Task, at: i64): void {
  if (at == NO_DEADLINE) {
    timerRemove(task);
    return;
  }
  if (task.heapIndex < 0) {
    task.deadline = at;
    siftUp(size++, task);
  } else if (at != task.deadline) {
    const earlier = at < task.deadline;
    task.deadline = at;
    if (earlier) siftUp(task.heapIndex, task);
    else siftDown(task.heapIndex, task);
  }
}

export function timerRemove(task: Task): void {
  const i = task.heapIndex;
  if (i < 0) return;
  task.heapIndex = -1;
  task.deadline = NO_DEADLINE;
  size--;
  if (i == size) return;
  const last = taskAt(unchecked(heap[size])); // size is the old last index
  if (i > 0 && before(last, taskAt(unchecked(heap[(i - 1) >> 1])))) siftUp(i, last);
  else siftDown(i, last);
}

/** The earliest deadline, or NO_DEADLINE when no task waits for time. */
export function timerNext(): i64 {
  return size > 0 ? taskAt(unchecked(heap[0])).deadline : NO_DEADLINE; // size > 0
}

/** Removes and returns the earliest task if its deadline is at or before `now`, else -1. */
export function timerPopDue(now: i64): i32 {
  if (size == 0) return -1;
  const first = taskAt(unchecked(heap[0])); // size > 0
  if (first.deadline > now) return -1;
  timerRemove(first);
  return first.id;
}
