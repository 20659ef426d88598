/**
 * The integrated timer queue: a binary min-heap of tasks keyed by
 * (deadline, arming order). Each task carries its own deadline and heap position, so
 * the queue needs no nodes of its own: scheduling, rescheduling and removal
 * are O(log n) without allocation, and the executor asks the host for one
 * alarm — the root's deadline.
 *
 *   heap[0] = earliest        heap[i]'s children: heap[2i+1], heap[2i+2]
 *   task.heapIndex = i  ⇔  heap[i] == task;   -1 when not queued
 *
 * Ties on the deadline break by arming order, counted here: tasks due at
 * the same instant wake in the order their deadlines were armed, as
 * JavaScript runs timers due together in the order they were set, and the
 * order is deterministic. A deadline a poll asks for again (the same timer,
 * still pending) keeps its place. The count is a u32 compared across its
 * wrap (as a difference), right while the deadlines pending at once were
 * armed fewer than 2^31 arms apart. Size builds keep a task's count in its
 * unused `heapIndex`, so the task header stays 32 bytes; heap builds in a
 * table by task id.
 *
 * Size builds (`-O3z`: interpreter and Espruino boards) keep no heap. They
 * find the earliest deadline by scanning the task table, as Embassy's
 * integrated timer list walks its tasks: O(tasks) per executor pass, which
 * for the handful of tasks such a board runs costs less than the heap's
 * code (about 300 bytes). The order is the same, (deadline, arming), so a
 * firmware wakes in the same order on every board.
 */
import { Task } from "./task";
import { NO_DEADLINE } from "./time";
import { growTable, taskAt, taskCount } from "./registry";

// @ts-ignore: decorator
@inline const SCAN: bool = ASC_SHRINK_LEVEL > 0;

/**
 * The heap: task pointers (as the run queue holds), `size` of them, in a
 * table as large as the task table. Comparisons read the tasks' deadlines
 * straight through them, with no task-table lookup.
 */
let heapBase: usize = 0;
let size: i32 = 0;
/** Deadlines armed so far (wrapping): the next arming's place. */
let arms: u32 = 0;
/** Heap builds: each task's arming place, by task id. */
let armedBase: usize = 0;

/** Where `task`'s deadline stands in arming order. */
// @ts-ignore: decorator
@inline function armedAt(task: Task): u32 {
  return SCAN ? <u32>task.heapIndex : load<u32>(armedBase + (<usize>task.id << alignof<usize>()));
}

/** Records that `task` armed a new deadline now (size builds call it after a poll that changed it). */
// @ts-ignore: decorator
@inline export function timerArmed(task: Task): void {
  if (SCAN) task.heapIndex = <i32>++arms;
  else store<u32>(armedBase + (<usize>task.id << alignof<usize>()), ++arms);
}

/** Armed before: `a` was armed earlier than `b`, across the count's wrap. */
// @ts-ignore: decorator
@inline function armedBefore(a: Task, b: Task): bool {
  return <i32>(armedAt(a) - armedAt(b)) < 0;
}

/** Grows the heap to `capacity` entries (registry.ts calls it as the task table grows). Init only: it allocates. */
export function timerQueueReserve(capacity: i32): void {
  if (SCAN) return;
  heapBase = growTable(heapBase, size, capacity);
  armedBase = growTable(armedBase, taskCount(), capacity);
}

/** The task at heap position `i` (i < size). */
// @ts-ignore: decorator
@inline function heapAt(i: i32): Task {
  return changetype<Task>(load<usize>(heapBase + (<usize>i << alignof<usize>()))); // callers pass i < size ≤ capacity
}

/** Heap order: earlier deadline first, then armed earlier. */
function before(a: Task, b: Task): bool {
  return a.deadline < b.deadline || (a.deadline == b.deadline && armedBefore(a, b));
}

function place(i: i32, task: Task): void {
  store<usize>(heapBase + (<usize>i << alignof<usize>()), changetype<usize>(task)); // i < size <= capacity
  task.heapIndex = i;
}

/**
 * Puts `task` at its place in the heap, starting from position `i` (a hole
 * or its own slot): up past later parents, then down past earlier children.
 * At most one of the two loops moves it: a task that moved up is before both
 * children of its new position, so the second loop stops at once.
 */
function reposition(i: i32, task: Task): void {
  while (i > 0) {
    const parentIndex = (i - 1) >> 1;
    const parent = heapAt(parentIndex); // parentIndex < i < size
    if (!before(task, parent)) break;
    place(i, parent);
    i = parentIndex;
  }
  while (true) {
    let child = 2 * i + 1;
    if (child >= size) break;
    let smallest = heapAt(child); // child < size
    if (child + 1 < size) {
      const right = heapAt(child + 1); // child + 1 < size
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

/** Size builds: the task with the earliest deadline before `limit`, the earliest armed among equals (the heap's order); null if none. */
function earliestBefore(limit: i64): Task | null {
  let first: Task | null = null;
  let armed: u32 = 0; // first's arming place
  for (let id = 0, n = taskCount(); id < n; id++) {
    const task = taskAt(id); // id < count
    const d = task.deadline;
    const at = <u32>task.heapIndex; // size builds: the arming place
    if (d < limit || (d == limit && first !== null && <i32>(at - armed) < 0)) {
      limit = d;
      first = task;
      armed = at;
    }
  }
  return first;
}

/**
 * Heap builds: the task's deadline after a poll, `at`, or none for
 * NO_DEADLINE. Most polls ask for no time and had none: in the heap they
 * cost one compare. (Size builds need no call: a poll's wakes go straight
 * into the task's deadline, executor.ts.)
 */
// @ts-ignore: decorator
@inline export function timerSet(task: Task, at: i64): void {
  if (SCAN) task.deadline = at;
  else if (at != NO_DEADLINE) timerArm(task, at);
  else if (task.heapIndex >= 0) timerRemove(task);
}

/** Heap builds: arms or re-arms the task's deadline; `at` is a real instant (not NO_DEADLINE). */
function timerArm(task: Task, at: i64): void {
  let i = task.heapIndex;
  if (i < 0) i = size++;
  else if (at == task.deadline) return; // the same deadline asked for again keeps its place
  task.deadline = at;
  timerArmed(task);
  reposition(i, task);
}

export function timerRemove(task: Task): void {
  if (SCAN) {
    task.deadline = NO_DEADLINE;
    return;
  }
  const i = task.heapIndex;
  if (i < 0) return;
  task.heapIndex = -1;
  task.deadline = NO_DEADLINE;
  size--;
  if (i != size) reposition(i, heapAt(size)); // size is the old last index
}

/** The earliest deadline, or -1 when no task waits for time (the form `outpost_poll` returns). */
export function timerNext(): i64 {
  if (SCAN) {
    const first = earliestBefore(NO_DEADLINE);
    return first === null ? -1 : first.deadline;
  }
  return size > 0 ? heapAt(0).deadline : -1; // size > 0
}

/** Removes and returns the earliest task if its deadline is at or before `now`, else null. */
export function timerPopDue(now: i64): Task | null {
  if (SCAN) {
    const due = earliestBefore(now + 1); // now < NO_DEADLINE: a real instant
    if (due !== null) due.deadline = NO_DEADLINE;
    return due;
  }
  if (size == 0) return null;
  const first = heapAt(0); // size > 0
  if (first.deadline > now) return null;
  timerRemove(first);
  return first;
}
