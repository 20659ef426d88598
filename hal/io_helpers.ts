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
import { ValueFuture } from "outpost";
import { Read, Write } from "outpost/hal/io";

export class ReadExact extends ValueFuture<i32> {
  /** Bytes read so far into the range. */
  done: i32 = 0;
  private reader: Read = changetype<Read>(0); // set by arm before any poll
  private buf: StaticArray<u8> = changetype<StaticArray<u8>>(0); // set by arm before any poll
  private start: i32 = 0;
  private end: i32 = 0;
  private inner: ValueFuture<i32> | null = null;

  /** Arms to fill `buf[start, end)` (end -1: the buffer's length) from `reader`. */
  arm(reader: Read, buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): ReadExact {
    this.reader = reader;
    this.buf = buf;
    this.start = start;
    this.end = end < 0 ? buf.length : end;
    this.done = 0;
    this.inner = null;
    return this;
  }

  poll(): bool {
    while (true) {
      let inner = this.inner;
      if (inner === null) {
        if (this.start + this.done >= this.end) {
          this.value = this.done;
          return true;
        }
        inner = this.reader.read(this.buf, this.start + this.done, this.end);
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
    const inner = this.inner;
    if (inner !== null) inner.cancel();
    this.inner = null;
  }
}

export class WriteAll extends ValueFuture<i32> {
  /** Bytes accepted so far from the range. */
  done: i32 = 0;
  private writer: Write = changetype<Write>(0); // set by arm before any poll
  private buf: StaticArray<u8> = changetype<StaticArray<u8>>(0); // set by arm before any poll
  private start: i32 = 0;
  private end: i32 = 0;
  private inner: ValueFuture<i32> | null = null;

  /** Arms to write all of `buf[start, end)` (end -1: the buffer's length) to `writer`. */
  arm(writer: Write, buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): WriteAll {
    this.writer = writer;
    this.buf = buf;
    this.start = start;
    this.end = end < 0 ? buf.length : end;
    this.done = 0;
    this.inner = null;
    return this;
  }

  poll(): bool {
    while (true) {
      let inner = this.inner;
      if (inner === null) {
        if (this.start + this.done >= this.end) {
          this.value = this.done;
          return true;
        }
        inner = this.writer.write(this.buf, this.start + this.done, this.end);
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
    const inner = this.inner;
    if (inner !== null) inner.cancel();
    this.inner = null;
  }
}
