/**
 * `Channel`, `Signal` and `Mutex` for the shim, with the semantics of
 * src/runtime/sync/: strict FIFO for values and for waiters (a waiter joins
 * the queue at its first poll that cannot complete, and only the oldest
 * waiter of a side may complete), wakes handed to the oldest waiter, and
 * cancel-safe waits (a cancelled receive has taken nothing, a cancelled
 * send has sent nothing, a cancelled lock never owns the mutex; a lock
 * granted but cancelled passes the mutex on). Waiter pools are not
 * modelled: programs stay within Outpost's default of 4 per side.
 */
import { ShimError, ShimFuture, type ShimTask, currentTask, wake } from "./core.ts";

/** A FIFO of waiting futures, each with the task to wake when it is its turn. */
class Waiters<W extends { task: ShimTask | null }> {
  private readonly queue: W[] = [];
  none(): boolean {
    return this.queue.length === 0;
  }
  isTurn(w: W): boolean {
    return this.queue.length === 0 || this.queue[0] === w;
  }
  has(w: W): boolean {
    return this.queue.includes(w);
  }
  /** Parks `w` (first poll that cannot complete) for the current task. */
  park(w: W): void {
    if (!this.has(w)) this.queue.push(w);
    w.task = currentTask();
  }
  remove(w: W): void {
    const i = this.queue.indexOf(w);
    if (i >= 0) this.queue.splice(i, 1);
  }
  first(): W | undefined {
    return this.queue[0];
  }
  shift(): W | undefined {
    return this.queue.shift();
  }
  /** Wakes the oldest waiter's task. */
  wakeFirst(): void {
    const t = this.queue[0]?.task;
    if (t) wake(t);
  }
}

export class Channel<T> {
  received!: T;
  private readonly items: T[] = [];
  private readonly senders = new Waiters<ChannelSend<T>>();
  private readonly receivers = new Waiters<ChannelReceive<T>>();

  constructor(
    readonly capacity: number,
    _waiters = 4,
    readonly name = "",
  ) {}

  len(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
  isFull(): boolean {
    return this.items.length === this.capacity;
  }
  trySend(v: T): boolean {
    if (this.isFull() || !this.senders.none()) return false;
    this.push(v);
    return true;
  }
  tryReceive(): boolean {
    if (this.isEmpty() || !this.receivers.none()) return false;
    this.received = this.take();
    return true;
  }
  send(v: T): ChannelSend<T> {
    return new ChannelSend(this, v);
  }
  receive(): ChannelReceive<T> {
    return new ChannelReceive(this);
  }

  pollSend(s: ChannelSend<T>): boolean {
    const queued = this.senders.has(s);
    if (!this.isFull() && this.senders.isTurn(s)) {
      this.senders.remove(s);
      this.push(s.item);
      if (queued) this.wakeSender();
      return true;
    }
    this.senders.park(s);
    return false;
  }
  cancelSend(s: ChannelSend<T>): void {
    const wasFirst = this.senders.first() === s;
    this.senders.remove(s);
    if (wasFirst) this.wakeSender();
  }
  pollReceive(r: ChannelReceive<T>): boolean {
    const queued = this.receivers.has(r);
    if (!this.isEmpty() && this.receivers.isTurn(r)) {
      this.receivers.remove(r);
      r.value = this.take();
      if (queued) this.wakeReceiver();
      return true;
    }
    this.receivers.park(r);
    return false;
  }
  cancelReceive(r: ChannelReceive<T>): void {
    const wasFirst = this.receivers.first() === r;
    this.receivers.remove(r);
    if (wasFirst) this.wakeReceiver();
  }

  private push(v: T): void {
    this.items.push(v);
    this.wakeReceiver();
  }
  private take(): T {
    const v = this.items.shift()!;
    this.wakeSender();
    return v;
  }
  private wakeReceiver(): void {
    if (!this.isEmpty()) this.receivers.wakeFirst();
  }
  private wakeSender(): void {
    if (!this.isFull()) this.senders.wakeFirst();
  }
}

class ChannelSend<T> extends ShimFuture<void> {
  task: ShimTask | null = null;
  private armed = true;
  constructor(
    private readonly channel: Channel<T>,
    readonly item: T,
  ) {
    super();
  }
  poll(): boolean {
    if (this.armed && this.channel.pollSend(this)) this.armed = false;
    return !this.armed;
  }
  cancel(): void {
    if (this.armed) this.channel.cancelSend(this);
    this.armed = false;
  }
}

class ChannelReceive<T> extends ShimFuture<T> {
  task: ShimTask | null = null;
  private armed = true;
  constructor(private readonly channel: Channel<T>) {
    super();
  }
  poll(): boolean {
    if (this.armed && this.channel.pollReceive(this)) this.armed = false;
    return !this.armed;
  }
  cancel(): void {
    if (this.armed) this.channel.cancelReceive(this);
    this.armed = false;
  }
}

/** The latest value for one waiter: the signal is its own wait future. */
export class Signal<T> extends ShimFuture<T> {
  private pending = false;
  private waiter: ShimTask | null = null;

  constructor(readonly name = "") {
    super();
  }
  signal(v: T): void {
    this.value = v;
    this.pending = true;
    if (this.waiter) wake(this.waiter);
  }
  wait(): Signal<T> {
    return this;
  }
  tryTake(): boolean {
    if (!this.pending) return false;
    this.pending = false;
    return true;
  }
  signaled(): boolean {
    return this.pending;
  }
  reset(): void {
    this.pending = false;
  }
  poll(): boolean {
    if (this.pending) {
      this.pending = false;
      this.waiter = null;
      return true;
    }
    this.waiter = currentTask();
    return false;
  }
  cancel(): void {
    this.waiter = null;
  }
}

export class Mutex {
  private locked = false;
  private readonly waiters = new Waiters<MutexLock>();

  constructor(
    _waiters = 4,
    readonly name = "",
  ) {}

  isLocked(): boolean {
    return this.locked;
  }
  tryLock(): boolean {
    if (this.locked) return false;
    this.locked = true;
    return true;
  }
  lock(): MutexLock {
    return new MutexLock(this);
  }
  /** Hands the mutex to the oldest waiter (it stays locked), or frees it. */
  unlock(): void {
    if (!this.locked) throw new ShimError(`unlock() of mutex "${this.name}", which is not locked`);
    const next = this.waiters.shift();
    if (!next) {
      this.locked = false;
      return;
    }
    next.granted = true;
    if (next.task) wake(next.task);
  }

  pollLock(l: MutexLock): boolean {
    if (l.granted) return true;
    if (this.locked) {
      this.waiters.park(l);
      return false;
    }
    this.locked = true;
    return true;
  }
  cancelLock(l: MutexLock): void {
    this.waiters.remove(l);
    if (l.granted) this.unlock(); // it owned the mutex without knowing yet: pass it on
  }
}

class MutexLock extends ShimFuture<void> {
  task: ShimTask | null = null;
  granted = false;
  private armed = true;
  constructor(private readonly mutex: Mutex) {
    super();
  }
  poll(): boolean {
    if (this.armed && this.mutex.pollLock(this)) this.armed = false;
    return !this.armed;
  }
  cancel(): void {
    if (this.armed) this.mutex.cancelLock(this);
    this.armed = false;
  }
}
