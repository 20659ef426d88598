/**
 * `LineReader`: reads text lines from any `BufRead` (e.g. a `Uart`).
 * Portable: it uses only the BufRead trait.
 *
 *   const lines = new LineReader(uart, 80);   // at init
 *   lines.readLine()                          // in a poll: resolves to the line's length
 *   lines.line, lines.length, lines.is("help")
 *
 * Endings: CR, LF and CRLF all end a line; a CRLF pair ends one line, not
 * two (an LF right after a CR is skipped, even across reads). The ending is
 * not part of the line. An empty line resolves to 0.
 *
 * Results (the HAL's convention: a count or a negative ErrorKind):
 *   ≥ 0                  the line's length; its bytes are `line[0, length)`
 *   ErrorKind.OVERFLOW   the line was longer than `maxLength`: the first
 *                        `maxLength` bytes are kept in `line`, the rest up to
 *                        the line's end was dropped; counted in `overflows`
 *   other ErrorKinds     from the reader (e.g. OVERRUN: bytes were lost);
 *                        the partial line is dropped, as it has a hole
 *
 * Cancel-safe: bytes are consumed from the reader only as they are copied
 * into `line`, and a cancelled readLine keeps its partial line: the next
 * readLine continues it. Never allocates after construction. One readLine
 * at a time (BUSY panic otherwise); the reader's receive direction is busy
 * while one is pending.
 */
import { textOf } from "outpost";
import { BufRead } from "outpost/hal/io";
import { PendingFill } from "outpost/hal/io_helpers";
import { ErrorKind } from "outpost/hal/error";
import { Op } from "outpost/hal/op";
import { bytesEqual } from "outpost/hal/bytes";
import { panicBadArgument } from "outpost/errors";
import { newStaticArray } from "outpost/arrays";

// @ts-ignore: decorator
@inline const CR: u8 = 0x0d;
// @ts-ignore: decorator
@inline const LF: u8 = 0x0a;

export class ReadLine extends Op<i32> {
  lines!: LineReader;
  private fill: PendingFill = new PendingFill();

  arm(): ReadLine {
    this.begin();
    this.lines.beginLine();
    return this;
  }

  poll(): bool {
    const lines = this.lines;
    const reader = lines.reader;
    const fill = this.fill;
    while (true) {
      if (!fill.poll(reader)) return this.park();
      const n = fill.value;
      if (n < 0) {
        lines.dropLine();
        return this.finish(n);
      }
      for (let i = 0; i < n; i++) {
        if (lines.take(reader.byteAt(i))) {
          reader.consume(i + 1);
          return this.finish(lines.endLine());
        }
      }
      reader.consume(n);
    }
  }

  protected release(): void {
    this.fill.cancel();
  }
}

export class LineReader {
  readonly reader: BufRead;
  /** The current line's bytes, `[0, length)`. */
  readonly line: StaticArray<u8>;
  length: i32 = 0;
  /** Lines longer than `maxLength`. */
  overflows: u32 = 0;
  private op: ReadLine = new ReadLine();
  private afterCR: bool = false;
  private overflowing: bool = false;
  private complete: bool = false;

  /** Lines of up to `maxLength` bytes from `reader`. Init only. */
  constructor(reader: BufRead, maxLength: i32 = 80) {
    if (maxLength < 1) panicBadArgument(textOf("LineReader"), textOf("maxLength must be at least 1"), maxLength);
    this.reader = reader;
    this.line = newStaticArray<u8>(maxLength);
    this.op.named("line reader", textOf("readLine"));
    this.op.lines = this;
  }

  get maxLength(): i32 {
    return this.line.length;
  }

  /** The next line; see the file comment for results. */
  readLine(): ReadLine {
    return this.op.arm();
  }

  /** True when the current line is exactly the ASCII text `s`. */
  is(s: string): bool {
    return bytesEqual(this.line, 0, this.length, s);
  }

  // The line assembly, used by ReadLine.

  /** Starts a new line unless a cancelled readLine left a partial one. */
  beginLine(): void {
    if (!this.complete) return;
    this.complete = false;
    this.length = 0;
  }

  /** Adds one byte; true when it ended the line. */
  take(b: u8): bool {
    if (this.afterCR) {
      this.afterCR = false;
      if (b == LF) return false; // the LF of a CRLF
    }
    if (b == CR || b == LF) {
      this.afterCR = b == CR;
      return true;
    }
    if (this.length < this.line.length) {
      unchecked((this.line[this.length] = b)); // length < capacity
      this.length++;
    } else {
      this.overflowing = true;
    }
    return false;
  }

  /** Finishes the line: its length, or OVERFLOW. */
  endLine(): i32 {
    this.complete = true;
    if (!this.overflowing) return this.length;
    this.overflowing = false;
    this.overflows++;
    return ErrorKind.OVERFLOW;
  }

  /** Drops a partial line after a read error. */
  dropLine(): void {
    this.length = 0;
    this.overflowing = false;
    this.complete = true;
  }
}
