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

const nothing = (): void => {};

/** A FIFO of waiting futures, each with the task to wake when it is its turn. */
class Waiters<W extends { task: ShimTask | null }> {
  private readonly queue: W[] = [];

  none(): boolean {
    return this.queue.length === 0;
  }

  /**
   * A poll of waiter `w`: when the primitive `can` go ahead and it is `w`'s
   * turn (nobody waits, or `w` is the oldest), `w` leaves the queue, `act`
   * runs and, if `w` had waited, `passOn` gives the next waiter its turn;
   * otherwise `w` waits (it joins the queue at its first such poll).
   */
  poll(w: W, can: boolean, act: () => void, passOn: () => void): boolean {
    const queued = this.queue.includes(w);
    if (can && (this.none() || this.queue[0] === w)) {
      this.remove(w);
      act();
      if (queued) passOn();
      return true;
    }
    if (!queued) this.queue.push(w);
    w.task = currentTask();
    return false;
  }

  /** `w` is cancelled: it leaves the queue; if it was the oldest, `passOn` gives the next one its turn. */
  leave(w: W, passOn: () => void): void {
    const wasFirst = this.queue[0] === w;
    this.remove(w);
    if (wasFirst) passOn();
  }

  shift(): W | undefined {
    return this.queue.shift();
  }

  /** Wakes the oldest waiter's task. */
  wakeFirst(): void {
    const t = this.queue[0]?.task;
    if (t) wake(t);
  }

  private remove(w: W): void {
    const i = this.queue.indexOf(w);
    if (i >= 0) this.queue.splice(i, 1);
  }
}

export class Channel<T> {
  readonly capacity: number;
  readonly name: string;
  received!: T;
  private readonly items: T[] = [];
  private readonly senders = new Waiters<ChannelSend<T>>();
  private readonly receivers = new Waiters<ChannelReceive<T>>();

  constructor(
    capacity: number,
    _waiters = 4,
    name: string = "",
  ) {
    this.capacity = capacity;
    this.name = name;
  }

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
    return this.senders.poll(s, !this.isFull(), () => this.push(s.item), () => this.wakeSender());
  }
  cancelSend(s: ChannelSend<T>): void {
    this.senders.leave(s, () => this.wakeSender());
  }
  pollReceive(r: ChannelReceive<T>): boolean {
    return this.receivers.poll(r, !this.isEmpty(), () => (this.received = r.value = this.take()), () => this.wakeReceiver());
  }
  cancelReceive(r: ChannelReceive<T>): void {
    this.receivers.leave(r, () => this.wakeReceiver());
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

/** A future a primitive hands out: polled and cancelled through its owner until it completes once. */
abstract class WaiterFuture<T> extends ShimFuture<T> {
  /** The task to wake when it is this waiter's turn. */
  task: ShimTask | null = null;
  private armed = true;

  /** The owner's poll: true when the wait is over. */
  protected abstract tryComplete(): boolean;
  /** The owner's cancel: leave its queue, give up what it holds. */
  protected abstract leave(): void;

  poll(): boolean {
    if (this.armed && this.tryComplete()) this.armed = false;
    return !this.armed;
  }

  cancel(): void {
    if (this.armed) this.leave();
    this.armed = false;
  }
}

class ChannelSend<T> extends WaiterFuture<void> {
  private readonly channel: Channel<T>;
  readonly item: T;
  constructor(
    channel: Channel<T>,
    item: T,
  ) {
    super();
    this.channel = channel;
    this.item = item;
  }
  protected tryComplete(): boolean {
    return this.channel.pollSend(this);
  }
  protected leave(): void {
    this.channel.cancelSend(this);
  }
}

class ChannelReceive<T> extends WaiterFuture<T> {
  private readonly channel: Channel<T>;
  constructor(channel: Channel<T>) {
    super();
    this.channel = channel;
  }
  protected tryComplete(): boolean {
    return this.channel.pollReceive(this);
  }
  protected leave(): void {
    this.channel.cancelReceive(this);
  }
}

/** The latest value for one waiter: the signal is its own wait future. */
export class Signal<T> extends ShimFuture<T> {
  readonly name: string;
  private pending = false;
  private waiter: ShimTask | null = null;

  constructor(name: string = "") {
    super();
    this.name = name;
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
  readonly name: string;
  private locked = false;
  private readonly waiters = new Waiters<MutexLock>();

  constructor(
    _waiters = 4,
    name: string = "",
  ) {
    this.name = name;
  }

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

  /** Free means nobody waits (unlock() hands a waited-for mutex on), so a free mutex is the poller's. */
  pollLock(l: MutexLock): boolean {
    return l.granted || this.waiters.poll(l, !this.locked, () => (this.locked = true), nothing);
  }
  cancelLock(l: MutexLock): void {
    this.waiters.leave(l, nothing);
    if (l.granted) this.unlock(); // it owned the mutex without knowing yet: pass it on
  }
}

class MutexLock extends WaiterFuture<void> {
  private readonly mutex: Mutex;
  /** `unlock()` made this waiter the owner; its next poll completes. */
  granted = false;
  constructor(mutex: Mutex) {
    super();
    this.mutex = mutex;
  }
  protected tryComplete(): boolean {
    return this.mutex.pollLock(this);
  }
  protected leave(): void {
    this.mutex.cancelLock(this);
  }
}
