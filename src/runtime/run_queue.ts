/**
 * The run queue: a FIFO ring of task ids waiting to be polled.
 *
 * Each task is in the ring at most once (its `queued` flag guards the push),
 * so a ring as large as the task table never overflows, and pushing is O(1)
 * with no allocation. Fairness: a task that wakes itself while being polled
 * goes to the back, behind every task that was already waiting, so it cannot
 * starve them.
 *
 *   ring: [ . . a b c . . . ]   capacity: power of two ≥ task count
 *               ^head  ^tail     length = tail - head (indices wrap by mask)
 */

// @ts-ignore: decorator
@lazy let ring = new StaticArray<i32>(0);
let mask: u32 = 0;
let head: u32 = 0;
let tail: u32 = 0;

/** Makes room for `tasks` ids. Init only: it allocates when it grows. */
export function runQueueReserve(tasks: i32): void {
  if (tasks <= ring.length) return;
  let capacity = 8;
  while (capacity < tasks) capacity <<= 1;
  const grown = new StaticArray<i32>(capacity);
  const length = tail - head;
  for (let i: u32 = 0; i < length; i++) {
    grown[i] = unchecked(ring[(head + i) & mask]); // (head+i)&mask < old capacity
  }
  ring = grown;
  mask = <u32>capacity - 1;
  head = 0;
  tail = length;
}

export function runQueuePush(id: i32): void {
  unchecked((ring[tail & mask] = id)); // at most one entry per task, so never full
  tail++;
}

/** Pops the oldest id; the caller checks `runQueueLength() > 0` first. */
export function runQueuePop(): i32 {
  const id = unchecked(ring[head & mask]); // non-empty per the caller's check
  head++;
  return id;
}

export function runQueueLength(): i32 {
  return <i32>(tail - head);
}
