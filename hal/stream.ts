/**
 * `Stream<T>`: async iteration, after Rust's `Stream::poll_next`. `next()`
 * returns the stream's one next-item future, re-armed; when it completes,
 * its `status` says what it carries:
 *
 *   StreamStatus.ITEM (1)   `value` is the next item
 *   StreamStatus.END  (0)   the stream has ended: every later next() ends too
 *   < 0                     an ErrorKind (e.g. OVERRUN: items were lost);
 *                           the stream goes on, the next next() continues
 *
 *   const next = stream.next();          // in a task's poll
 *   if (!next.poll()) return false;
 *   if (next.status == StreamStatus.ITEM) use(next.value);
 *
 * Streams in the HAL: `ByteStream` (bytes of any BufRead, e.g. a UART),
 * `EdgeStream` (edges of an `Input`), `ChannelStream` (items of a runtime
 * Channel), and drivers' event streams (`Button`). One next() at a time per
 * stream (BUSY panic otherwise). Cancelling a next() loses no item.
 */
import { Op } from "outpost/hal/op";

export namespace StreamStatus {
  // @ts-ignore: decorator
  @inline export const END: i32 = 0;
  // @ts-ignore: decorator
  @inline export const ITEM: i32 = 1;
}

/** The future `Stream.next()` returns. */
export abstract class StreamNext<T> extends Op<T> {
  /** ITEM, END or an ErrorKind; meaningful once `poll()` returned true. */
  status: i32 = StreamStatus.END;

  /** Completes with an item; returns true. */
  protected item(v: T): bool {
    this.status = StreamStatus.ITEM;
    return this.finish(v);
  }

  /** Completes with END or an ErrorKind (`value` keeps its last item); returns true. */
  protected stop(status: i32): bool {
    this.status = status;
    return this.finish(this.value);
  }
}

export interface Stream<T> {
  /** The next item, the end, or an error; see the file comment. */
  next(): StreamNext<T>;
}
