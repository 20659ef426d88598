/**
 * `ByteStream`: the bytes of any `BufRead` (e.g. a `Uart`) as a
 * `Stream<u8>`, one item per byte.
 *
 *   const bytes = new ByteStream(uart);   // at init
 *   bytes.next()                          // in a poll: the next byte
 *
 * Each next() takes one byte from the reader's buffer (`fillBuf`, `byteAt(0)`,
 * `consume(1)`), so a burst costs one host read and then no host call per
 * byte. Read errors come through as the status (e.g. ErrorKind.OVERRUN)
 * and the stream goes on. A byte stream over a UART never ends.
 * Cancel-safe: a cancelled next() consumed nothing. While a next() is in
 * flight the reader's receive direction is busy.
 */
import { textOf } from "outpost";
import { BufRead } from "outpost/hal/io";
import { PendingFill } from "outpost/hal/io_helpers";
import { Stream, StreamNext } from "outpost/hal/stream";

export class ByteNext extends StreamNext<u8> {
  reader: BufRead = changetype<BufRead>(0); // set by its owner at init, before any poll
  private fill: PendingFill = new PendingFill();

  arm(): ByteNext {
    this.begin();
    return this;
  }

  poll(): bool {
    const fill = this.fill;
    if (!fill.poll(this.reader)) return this.park();
    const n = fill.value;
    if (n < 0) return this.stop(n);
    const b = this.reader.byteAt(0);
    this.reader.consume(1);
    return this.item(b);
  }

  protected release(): void {
    this.fill.cancel();
  }
}

export class ByteStream implements Stream<u8> {
  private op: ByteNext = new ByteNext();

  /** A stream over `reader`. `name` appears in BUSY messages. Init only. */
  constructor(reader: BufRead, name: string = "byte stream") {
    this.op.named(name, textOf("next()"));
    this.op.reader = reader;
  }

  next(): ByteNext {
    return this.op.arm();
  }
}
