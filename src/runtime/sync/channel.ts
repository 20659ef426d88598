/**
 * `Channel<T>`: a fixed-capacity FIFO queue between tasks (and event
 * handlers, through the `try` forms). Senders wait while it is full,
 * receivers while it is empty.
 *
 *   const rx = new Channel<i32>(8, 4, "rx");   // at init: 8 values, 4 waiters per side
 *   rx.trySend(b);                             // an event handler: false when full
 *   // a task: poll rx.receive() until true, then read its .value
 *
 * Ordering is strict FIFO for values and for waiters: values come out in
 * the order they went in, the oldest waiting receiver gets the next value,
 * and the oldest waiting sender sends first. Waiters queue in the order of
 * their first poll. While anyone waits on a side, the `try` form of that
 * side fails even if it could proceed (it would overtake the queue).
 *
 * How the queue is kept without moving values outside a poll: only the
 * oldest waiter of a side may complete. A value arriving wakes the oldest
 * receiver; space appearing wakes the oldest sender; a waiter that completes
 * or is cancelled at the front passes the turn to the next one ("baton").
 * Every value moves inside a poll, so cancelling is always clean:
 * - a cancelled `receive()` has taken nothing (no value is lost);
 * - a cancelled `send()` has put nothing in (the value is not sent).
 *
 * Waiter futures come from two fixed pools (`waiters` each for senders and
 * receivers), created with the channel: `send()`/`receive()` hand one out,
 * it returns to the pool when it completes or is cancelled. Pools reuse the
 * longest-free future first, so a completed receive keeps its `.value` until
 * `waiters` more receives have been handed out. More than `waiters` futures
 * of one side in flight at once is a BUSY panic naming the channel.
 *
 *   buffer (ring):  [ . . v0 v1 v2 . . ]   count ≤ capacity
 *                         ^head
 *
 * No allocation after init. Cost: O(1) per operation.
 */
import { Future, ValueFuture, zeroOf } from "../future";
import { wakeTask } from "../executor";
import { runningTask } from "../current";
import { Task } from "../task";
import { WaiterSlots } from "./waiter_slots";
import { panicBadArgumentOf, panicWaitersBusy } from "../errors";
import { Text, textOf } from "../text";
import { newStaticArray } from "../arrays";

@final
export class Channel<T> {
  readonly name: string;
  readonly capacity: i32;
  /**
   * The value the last receive took: a successful `tryReceive()`, or a `receive()` future as it completes
   * (awaited, or a branch of a select or join: its own `.value` holds it too).
   */
  received: T = zeroOf<T>();
  private buffer: StaticArray<T>;
  private head: i32 = 0;
  private count: i32 = 0;
  private senders: StaticArray<ChannelSend<T>>;
  private sendSlots: WaiterSlots;
  private receivers: StaticArray<ChannelReceive<T>>;
  private receiveSlots: WaiterSlots;

  /**
   * Room for `capacity` values and `waiters` in-flight `send()` futures and
   * as many `receive()` futures. Allocates: init only. `name` appears in
   * panic messages. Panics ABORT when `capacity` or `waiters` is below 1.
   */
  constructor(capacity: i32, waiters: i32 = 4, name: string = "") {
    if (capacity < 1) panicBadArgumentOf(nameof<Channel<T>>(), textOf("capacity must be at least 1"), capacity);
    if (waiters < 1) panicBadArgumentOf(nameof<Channel<T>>(), textOf("waiters must be at least 1"), waiters);
    this.name = name;
    this.capacity = capacity;
    this.buffer = newStaticArray<T>(capacity);
    this.senders = newStaticArray<ChannelSend<T>>(waiters);
    this.receivers = newStaticArray<ChannelReceive<T>>(waiters);
    this.sendSlots = new WaiterSlots(waiters);
    this.receiveSlots = new WaiterSlots(waiters);
    for (let i = 0; i < waiters; i++) {
      const s = new ChannelSend<T>();
      s.channel = this;
      s.slot = i;
      unchecked((this.senders[i] = s)); // i < waiters, the array's length
      const r = new ChannelReceive<T>();
      r.channel = this;
      r.slot = i;
      unchecked((this.receivers[i] = r)); // i < waiters, the array's length
    }
  }

  /** Values in the channel. */
  len(): i32 {
    return this.count;
  }

  isEmpty(): bool {
    return this.count == 0;
  }

  isFull(): bool {
    return this.count == this.capacity;
  }

  /**
   * Puts `v` in if there is room and no sender is waiting; false otherwise
   * (nothing changed, `v` is still the caller's). O(1); safe in event handlers.
   */
  trySend(v: T): bool {
    if (this.count >= this.capacity || !this.sendSlots.noneWaiting()) return false;
    this.push(v);
    return true;
  }

  /**
   * Takes the oldest value into `.received` if there is one and no receiver
   * is waiting; false otherwise. O(1); safe in event handlers.
   */
  tryReceive(): bool {
    if (this.count == 0 || !this.receiveSlots.noneWaiting()) return false;
    this.received = this.take();
    return true;
  }

  /**
   * A future that puts `v` in, waiting while the channel is full or older
   * senders wait. Cancel-safe: cancelled, it has not sent. Panics BUSY when
   * `waiters` sends are already in flight.
   */
  send(v: T): ChannelSend<T> {
    const i = this.sendSlots.acquire();
    if (i < 0) this.busy(textOf("send"));
    const s = unchecked(this.senders[i]); // i < waiters: acquire() returns a slot index
    s.item = v;
    s.armed = true;
    return s;
  }

  /**
   * A future that completes with the oldest value (in its `.value`), waiting
   * while the channel is empty or older receivers wait. Cancel-safe:
   * cancelled, it has taken nothing. Panics BUSY when `waiters` receives are
   * already in flight.
   */
  receive(): ChannelReceive<T> {
    const i = this.receiveSlots.acquire();
    if (i < 0) this.busy(textOf("receive"));
    const r = unchecked(this.receivers[i]); // i < waiters: acquire() returns a slot index
    r.armed = true;
    return r;
  }

  // ── used by ChannelSend / ChannelReceive ─────────────────────────────────

  /** @internal The send future `s` is polled. */
  pollSend(s: ChannelSend<T>): bool {
    const slots = this.sendSlots;
    const queued = slots.isQueued(s.slot);
    if (this.count < this.capacity && slots.isTurn(s.slot)) {
      this.push(s.item);
      slots.release(s.slot);
      s.armed = false;
      if (queued) this.wakeSender();
      return true;
    }
    if (!queued) slots.enqueue(s.slot);
    s.task = runningTask();
    return false;
  }

  /** @internal The send future `s` is dropped before completing. */
  cancelSend(s: ChannelSend<T>): void {
    const slots = this.sendSlots;
    const wasFirst = slots.first() == s.slot;
    slots.release(s.slot);
    s.armed = false;
    if (wasFirst) this.wakeSender();
  }

  /** @internal The receive future `r` is polled. */
  pollReceive(r: ChannelReceive<T>): bool {
    const slots = this.receiveSlots;
    const queued = slots.isQueued(r.slot);
    if (this.count > 0 && slots.isTurn(r.slot)) {
      r.value = this.take();
      this.received = r.value;
      slots.release(r.slot);
      r.armed = false;
      if (queued) this.wakeReceiver();
      return true;
    }
    if (!queued) slots.enqueue(r.slot);
    r.task = runningTask();
    return false;
  }

  /** @internal The receive future `r` is dropped before completing. */
  cancelReceive(r: ChannelReceive<T>): void {
    const slots = this.receiveSlots;
    const wasFirst = slots.first() == r.slot;
    slots.release(r.slot);
    r.armed = false;
    if (wasFirst) this.wakeReceiver();
  }

  private push(v: T): void {
    let tail = this.head + this.count;
    if (tail >= this.capacity) tail -= this.capacity;
    unchecked((this.buffer[tail] = v)); // tail < capacity: wrapped above
    this.count++;
    this.wakeReceiver();
  }

  private take(): T {
    const head = this.head;
    const v = unchecked(this.buffer[head]); // head < capacity: kept wrapped
    this.head = head + 1 == this.capacity ? 0 : head + 1;
    this.count--;
    this.wakeSender();
    return v;
  }

  /** Gives the oldest waiting receiver its turn, if there is a value for it. */
  private wakeReceiver(): void {
    const i = this.receiveSlots.first();
    if (i >= 0 && this.count > 0) {
      const task = unchecked(this.receivers[i]).task; // i < waiters: a queued slot index
      if (task !== null) wakeTask(task);
    }
  }

  /** Gives the oldest waiting sender its turn, if there is room for it. */
  private wakeSender(): void {
    const i = this.sendSlots.first();
    if (i >= 0 && this.count < this.capacity) {
      const task = unchecked(this.senders[i]).task; // i < waiters: a queued slot index
      if (task !== null) wakeTask(task);
    }
  }

  private busy(op: Text): void {
    panicWaitersBusy(nameof<Channel<T>>(), this.name, op, this.sendSlots.size, textOf("capacity, waiters, name"));
  }
}

/** The future `Channel.send(v)` hands out; one of the channel's send waiters. */
@final
export class ChannelSend<T> extends Future {
  /** @internal */ channel: Channel<T> | null = null;
  /** @internal Index in the channel's send pool. */ slot: i32 = 0;
  /** @internal Task to wake when it is this sender's turn. */ task: Task | null = null;
  /** @internal Handed out and not yet completed or cancelled. */ armed: bool = false;
  /** The value to send. */
  item: T = zeroOf<T>();

  poll(): bool {
    if (!this.armed) return true; // completed earlier: stays complete until handed out again
    // the channel sets itself as owner when it creates its waiters
    return changetype<Channel<T>>(changetype<usize>(this.channel)).pollSend(this);
  }

  cancel(): void {
    if (!this.armed) return;
    changetype<Channel<T>>(changetype<usize>(this.channel)).cancelSend(this); // set at creation, never null
  }
}

/** The future `Channel.receive()` hands out; completes with the value in `.value`. */
@final
export class ChannelReceive<T> extends ValueFuture<T> {
  /** @internal */ channel: Channel<T> | null = null;
  /** @internal Index in the channel's receive pool. */ slot: i32 = 0;
  /** @internal Task to wake when it is this receiver's turn. */ task: Task | null = null;
  /** @internal Handed out and not yet completed or cancelled. */ armed: bool = false;

  poll(): bool {
    if (!this.armed) return true; // completed earlier: keeps its value until handed out again
    // the channel sets itself as owner when it creates its waiters
    return changetype<Channel<T>>(changetype<usize>(this.channel)).pollReceive(this);
  }

  cancel(): void {
    if (!this.armed) return;
    changetype<Channel<T>>(changetype<usize>(this.channel)).cancelReceive(this); // set at creation, never null
  }
}
