/**
 * `EdgeStream`: every edge of an `Input` as a `Stream<i64>`, for counting
 * pulses or decoding a signal without missing edges between polls.
 *
 *   const edges = btn.edges(16);       // at init: records from now on
 *   edges.next()                       // in a poll: the next edge
 *   edgeTime(item), edgeLevel(item)    // µs of the edge, level after it
 *
 * The Input's event handler appends each edge to a ring of `capacity`
 * entries; `next()` takes the oldest. When the ring is full, newer edges are
 * dropped, counted in `lost`, and the next `next()` reports
 * ErrorKind.OVERRUN once before the edges that were kept. `close()` stops
 * recording: the edges already recorded are still delivered, then every
 * `next()` ends (StreamStatus.END); `Input.edges()` reopens it.
 *
 * Items pack time and level into one i64 (`at << 1 | level`) so that an
 * item is a plain value: no allocation per edge. Cancel-safe: a cancelled
 * next() takes no edge. One next() at a time (BUSY panic otherwise).
 */
import { textOf } from "outpost";
import { ErrorKind } from "outpost/hal/error";
import { Stream, StreamNext, StreamStatus } from "outpost/hal/stream";
import { panicBadArgumentOf } from "outpost/errors";
import { Input } from "outpost/hal/gpio_input";
import { newStaticArray } from "outpost/arrays";

/** The time (µs) of an edge item. */
export function edgeTime(item: i64): i64 {
  return item >> 1;
}

/** The level (0 or 1) after an edge item. */
export function edgeLevel(item: i64): i32 {
  return <i32>(item & 1);
}

/** The future `EdgeStream.next()` returns. */
export class EdgeNext extends StreamNext<i64> {
  stream: EdgeStream = changetype<EdgeStream>(0); // set by its owner at init, before any poll

  arm(): EdgeNext {
    this.begin();
    return this;
  }

  poll(): bool {
    const s = this.stream;
    if (s.overrun) {
      s.overrun = false;
      return this.stop(ErrorKind.OVERRUN);
    }
    if (s.count > 0) return this.item(s.take());
    if (!s.recording) return this.stop(StreamStatus.END);
    return this.park();
  }
}

export class EdgeStream implements Stream<i64> {
  input: Input = changetype<Input>(0); // set by its owner at init, before any poll
  /** Edges dropped because the ring was full. */
  lost: u32 = 0;
  /** Set when edges were dropped and not yet reported. */
  overrun: bool = false;
  /** True between `open` (Input.edges) and `close`. */
  recording: bool = false;
  count: i32 = 0;
  private ring: StaticArray<i64>;
  private head: i32 = 0;
  private nextOp: EdgeNext = new EdgeNext();

  /** Use `Input.edges(capacity)`. Init only. */
  constructor(label: string, capacity: i32) {
    if (capacity < 1) panicBadArgumentOf(label, textOf("an edge stream needs a capacity of at least 1"), capacity);
    this.ring = newStaticArray<i64>(capacity);
    this.nextOp.named(label, textOf("edge stream next()"));
    this.nextOp.stream = this;
  }

  next(): EdgeNext {
    return this.nextOp.arm();
  }

  /** Starts recording (Input.edges calls it). */
  open(): void {
    if (this.recording) return;
    this.recording = true;
    this.input.updateListen();
  }

  /** Stops recording; recorded edges are still delivered, then the stream ends. */
  close(): void {
    if (!this.recording) return;
    this.recording = false;
    this.input.updateListen();
    this.nextOp.wakeWaiter();
  }

  /** From the Input's event handler: record and wake. */
  onEdge(level: i32, at: i64): void {
    if (!this.recording) return;
    const capacity = this.ring.length;
    if (this.count == capacity) {
      this.lost++;
      this.overrun = true;
    } else {
      let i = this.head + this.count;
      if (i >= capacity) i -= capacity;
      unchecked((this.ring[i] = (at << 1) | <i64>level)); // i < capacity by the wrap above
      this.count++;
    }
    this.nextOp.wakeWaiter();
  }

  /** Removes the oldest edge; callers check `count > 0`. */
  take(): i64 {
    const item = unchecked(this.ring[this.head]); // head < capacity, count > 0
    this.head = this.head + 1 == this.ring.length ? 0 : this.head + 1;
    this.count--;
    return item;
  }
}
