/**
 * `WaiterSlots`: the bookkeeping behind a primitive's fixed pool of waiter
 * futures (Channel senders and receivers, Mutex lockers). The primitive owns
 * `size` futures, created with it; this class tracks which are free, which
 * are handed out, and the FIFO order of the ones waiting. It never
 * allocates after construction and every operation is O(1).
 *
 * Slot states and transitions (the primitive's future is slot i):
 *
 *            acquire() ①            enqueue(i) ②
 *   FREE ───────────────► ARMED ───────────────► QUEUED
 *    ▲                      │  ▲                   │
 *    └──── release(i) ③ ────┘  └──── unlink(i) ④ ──┘
 *
 *   ① the primitive's `receive()`/`lock()`… hands the future out;
 *   ② its first poll that cannot complete joins the wait queue (FIFO);
 *   ③ it completed or was cancelled (a QUEUED slot is unlinked first);
 *   ④ it reached the front and is leaving the queue, or was cancelled.
 *
 * The wait queue is doubly linked through index arrays (`next`/`prev`), so
 * a cancelled waiter leaves from the middle of the queue in O(1); the free
 * list is singly linked through `next`. Free slots are reused oldest first,
 * so a completed future keeps its result for as long as possible.
 *
 * Invariant: every slot is in exactly one state; FREE slots are exactly the
 * free list, QUEUED slots exactly the wait queue.
 */

import { newStaticArray } from "../arrays";

// @ts-ignore: decorator
@inline const FREE: u8 = 0;
// @ts-ignore: decorator
@inline const ARMED: u8 = 1;
// @ts-ignore: decorator
@inline const QUEUED: u8 = 2;

@final
export class WaiterSlots {
  readonly size: i32;
  private next: StaticArray<i32>;
  private prev: StaticArray<i32>;
  private state: StaticArray<u8>;
  private freeHead: i32 = -1;
  private freeTail: i32 = -1;
  private waitHead: i32 = -1;
  private waitTail: i32 = -1;

  /** `size` free slots. Allocates: init only. */
  constructor(size: i32) {
    this.size = size;
    this.next = newStaticArray<i32>(size);
    this.prev = newStaticArray<i32>(size);
    this.state = newStaticArray<u8>(size);
    for (let i = 0; i < size; i++) this.pushFree(i);
  }

  /** A free slot, now ARMED; -1 when every slot is in use. */
  acquire(): i32 {
    const i = this.freeHead;
    if (i < 0) return -1;
    this.freeHead = unchecked(this.next[i]); // i < size: it came from the free list
    if (this.freeHead < 0) this.freeTail = -1;
    unchecked((this.state[i] = ARMED)); // i < size
    return i;
  }

  /** Returns slot `i` (ARMED or QUEUED) to the free list. */
  release(i: i32): void {
    if (this.isQueued(i)) this.unlink(i);
    if (unchecked(this.state[i]) == FREE) return; // i < size: callers pass their own slot index
    this.pushFree(i);
  }

  /** Appends ARMED slot `i` to the wait queue. */
  enqueue(i: i32): void {
    unchecked((this.state[i] = QUEUED)); // i < size: callers pass their own slot index
    unchecked((this.next[i] = -1)); // same
    const tail = this.waitTail;
    unchecked((this.prev[i] = tail)); // same
    if (tail < 0) this.waitHead = i;
    else unchecked((this.next[tail] = i)); // tail < size: it is a queued slot
    this.waitTail = i;
  }

  /** Takes QUEUED slot `i` out of the wait queue (front or middle); it is ARMED again. */
  unlink(i: i32): void {
    const p = unchecked(this.prev[i]); // i < size: callers pass their own slot index
    const n = unchecked(this.next[i]); // same
    if (p < 0) this.waitHead = n;
    else unchecked((this.next[p] = n)); // p < size: a queued neighbour
    if (n < 0) this.waitTail = p;
    else unchecked((this.prev[n] = p)); // n < size: a queued neighbour
    unchecked((this.state[i] = ARMED)); // i < size
  }

  /** The oldest waiting slot, or -1. */
  // @ts-ignore: decorator
  @inline first(): i32 {
    return this.waitHead;
  }

  /** True when slot `i` is in the wait queue. */
  // @ts-ignore: decorator
  @inline isQueued(i: i32): bool {
    return unchecked(this.state[i]) == QUEUED; // i < size: callers pass their own slot index
  }

  /** True when slot `i` may go ahead: nobody waits, or it is the oldest waiter. */
  // @ts-ignore: decorator
  @inline isTurn(i: i32): bool {
    const first = this.waitHead;
    return first < 0 || first == i;
  }

  /** True when nobody waits. */
  // @ts-ignore: decorator
  @inline noneWaiting(): bool {
    return this.waitHead < 0;
  }

  private pushFree(i: i32): void {
    unchecked((this.state[i] = FREE)); // i < size
    unchecked((this.next[i] = -1)); // i < size
    if (this.freeTail < 0) this.freeHead = i;
    else unchecked((this.next[this.freeTail] = i)); // freeTail < size: a free slot
    this.freeTail = i;
  }
}
