/**
 * The run queue: a FIFO ring of tasks waiting to be polled.
 *
 * Each task is in the ring at most once (only a PARKED task is pushed, and
 * pushing makes it READY; see task.ts), so a ring as large as the task
 * table never overflows, and pushing is O(1) with no allocation.
 * Fairness: a task that wakes itself while being polled goes to the back,
 * behind every task that was already waiting, so it cannot starve them:
 * with n tasks ready, each is polled once in every n polls.
 *
 *   ring: [ . . a b c . . . ]   capacity: power of two ≥ task count
 *               ^head  ^tail     length = (tail - head) / STEP
 *
 * Positions count bytes (STEP per entry) and wrap by `mask` (capacity ×
 * STEP - 1), so an entry's address is base + (position & mask): no shift
 * on the executor's pop or a wake's push.
 *
 * Entries are task pointers, so popping needs no table lookup. The executor
 * works the ring (`wake` pushes, `runExecutor` pops, and `finish` removes
 * with runQueueRemove); the task registry (registry.ts) sizes it, calling
 * runQueueReserve as its table grows at init. Nothing else touches it.
 */
import { Task } from "./task";
import { growTable } from "./registry";

/** Ring positions count bytes: one entry is STEP. */
// @ts-ignore: decorator
@inline export const STEP: u32 = sizeof<usize>();

let ringBase: usize = 0;
let mask: u32 = 0;
let head: u32 = 0;
let tail: u32 = 0;

/**
 * Grows the ring to `capacity` entries, a power of two (registry.ts calls it
 * as the task table grows). Init only: it allocates. No task is polled
 * before `outpost_init` returns, so the queue has never wrapped (head is 0)
 * and its entries keep their positions in the larger ring.
 */
export function runQueueReserve(capacity: i32): void {
  ringBase = growTable(ringBase, <i32>(tail >> alignof<usize>()), capacity);
  mask = (<u32>capacity << alignof<usize>()) - 1;
}

// @ts-ignore: decorator
@inline export function runQueuePush(task: Task): void {
  // (t & mask) lies in the ring; at most one entry per task, so never full
  const t = tail;
  store<usize>(ringBase + <usize>(t & mask), changetype<usize>(task));
  tail = t + STEP;
}

/**
 * Draining, for the executor's loop: it reads `runQueueHead()` once, pops
 * with `runQueueAtIn(base, m, h)` and `h += STEP` while `h != runQueueTail()`
 * (wakes during a poll move the tail), and stores the head back with `runQueueSetHead(h)`
 * before returning. Keeping the head in a local saves two memory accesses
 * per poll on the hottest loop of the runtime.
 */
// @ts-ignore: decorator
@inline export function runQueueHead(): u32 {
  return head;
}

// @ts-ignore: decorator
@inline export function runQueueTail(): u32 {
  return tail;
}

// @ts-ignore: decorator
@inline export function runQueueSetHead(h: u32): void {
  head = h;
}

/** The task at ring position `index` (a value in [head, tail)). */
// @ts-ignore: decorator
@inline function runQueueAt(index: u32): Task {
  return runQueueAtIn(ringBase, mask, index);
}

/**
 * `runQueueAt` with the ring's base and mask passed in: they never change
 * after init, so the executor's loop reads them once (`runQueueBase()`,
 * `runQueueMask()`) instead of at every poll.
 */
// @ts-ignore: decorator
@inline export function runQueueAtIn(base: usize, m: u32, index: u32): Task {
  // (index & m) lies in the ring, and positions in [head, tail) hold tasks pushed earlier
  return changetype<Task>(load<usize>(base + <usize>(index & m)));
}

// @ts-ignore: decorator
@inline export function runQueueBase(): usize {
  return ringBase;
}

// @ts-ignore: decorator
@inline export function runQueueMask(): u32 {
  return mask;
}

/**
 * Removes `task`'s entry from positions [from, tail), keeping the others in
 * order. O(queue length); only for the rare task that finishes in the same
 * poll in which it woke itself.
 */
export function runQueueRemove(task: Task, from: u32): void {
  const target = changetype<usize>(task); // compared as a pointer
  for (let i = from; i != tail; i += STEP) {
    if (changetype<usize>(runQueueAt(i)) != target) continue;
    for (let j = i + STEP; j != tail; j += STEP) {
      // both positions lie in [from, tail): in the ring
      store<usize>(ringBase + <usize>((j - STEP) & mask), changetype<usize>(runQueueAt(j)));
    }
    tail -= STEP;
    return;
  }
}
