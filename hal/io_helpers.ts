/**
 * `ReadExact` and `WriteAll`: futures that loop a `Read` or `Write` until a
 * whole range is done, after embedded-io-async's `read_exact`/`write_all`.
 *
 *   const all = new WriteAll();                   // at init (a task field)
 *   all.arm(uart, buf, 0, n)                      // in a poll; then poll it
 *
 * Each resolves to the range's length, or to the first ErrorKind met (the
 * bytes before it stay done: `done` says how many). Both work through the
 * traits only, so they allocate nothing and fit any implementation; each
 * holds one inner operation of its Read/Write at a time.
 *
 * Cancel-safety: cancelling cancels the inner operation. Bytes already
 * moved stay moved (`done` of them): a cancelled ReadExact has consumed
 * `done` bytes into the buffer, a cancelled WriteAll has sent `done` bytes.
 * Cost: one inner operation per chunk the device accepts or delivers.
 */
import { cancelHeld, ValueFuture } from "outpost";
import { BufRead, Read, Write } from "outpost/hal/io";

/**
 * The loop both share: start one inner operation on the rest of the range,
 * add what it moved to `done`, repeat until the range is done or an error
 * comes back. Subclasses only say which operation moves the next chunk.
 */
export abstract class RangeLoop extends ValueFuture<i32> {
  /** Bytes moved so far: read into the range (ReadExact) or accepted from it (WriteAll). */
  done: i32 = 0;
  protected buf: StaticArray<u8> = changetype<StaticArray<u8>>(0); // set by arm before any poll
  private start: i32 = 0;
  private end: i32 = 0;
  private inner: ValueFuture<i32> | null = null;

  /** Starts the operation that moves (part of) `buf[start, end)`. */
  protected abstract next(start: i32, end: i32): ValueFuture<i32>;

  /** Resets the loop onto `buf[start, end)` (end -1: the buffer's length). */
  protected setRange(buf: StaticArray<u8>, start: i32, end: i32): void {
    this.buf = buf;
    this.start = start;
    this.end = end < 0 ? buf.length : end;
    this.done = 0;
    this.inner = null;
  }

  poll(): bool {
    while (true) {
      let inner = this.inner;
      if (inner === null) {
        if (this.start + this.done >= this.end) {
          this.value = this.done;
          return true;
        }
        inner = this.next(this.start + this.done, this.end);
        this.inner = inner;
      }
      if (!inner.poll()) return false;
      this.inner = null;
      const n = inner.value;
      if (n < 0) {
        this.value = n;
        return true;
      }
      this.done += n;
    }
  }

  cancel(): void {
    this.inner = cancelHeld(this.inner);
  }
}

export class ReadExact extends RangeLoop {
  private reader: Read = changetype<Read>(0); // set by arm before any poll

  /** Arms to fill `buf[start, end)` (end -1: the buffer's length) from `reader`. */
  arm(reader: Read, buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): ReadExact {
    this.reader = reader;
    this.setRange(buf, start, end);
    return this;
  }

  protected next(start: i32, end: i32): ValueFuture<i32> {
    return this.reader.read(this.buf, start, end);
  }
}

export class WriteAll extends RangeLoop {
  private writer: Write = changetype<Write>(0); // set by arm before any poll

  /** Arms to write all of `buf[start, end)` (end -1: the buffer's length) to `writer`. */
  arm(writer: Write, buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): WriteAll {
    this.writer = writer;
    this.setRange(buf, start, end);
    return this;
  }

  protected next(start: i32, end: i32): ValueFuture<i32> {
    return this.writer.write(this.buf, start, end);
  }
}

/**
 * One `fillBuf()` of a `BufRead` held across polls, for operations that
 * read through the reader's buffer (ByteStream, LineReader, Gps): `poll`
 * starts a fill if none is in flight, polls it, and forgets it once it
 * completes; `cancel` cancels the one in flight. Allocates nothing.
 */
export class PendingFill {
  /** Once `poll` returned true: the buffered byte count (≥ 1) or an ErrorKind. */
  value: i32 = 0;
  private fill: ValueFuture<i32> | null = null;

  /** Polls the fill in flight, starting one on `reader` if none is; true once it completed (see `value`). */
  poll(reader: BufRead): bool {
    let fill = this.fill;
    if (fill === null) {
      fill = reader.fillBuf();
      this.fill = fill;
    }
    if (!fill.poll()) return false;
    this.fill = null;
    this.value = fill.value;
    return true;
  }

  /** Cancels the fill in flight, if any. */
  cancel(): void {
    this.fill = cancelHeld(this.fill);
  }
}
