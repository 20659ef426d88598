/**
 * `Uart`: an ABI-backed serial port, implementing `Read`, `BufRead` and
 * `Write` (io.ts).
 *
 *   const uart = new Uart(UART0, 115200, "UART0");   // at init: claims the port
 *   uart.read(buf)          // in a poll: the port's read future, armed
 *   uart.write(buf, 0, n)   // the port's write future, armed
 *
 * Directions and their futures (one of each, preallocated; a second
 * operation on a direction with one in flight panics BUSY naming the port,
 * or returns null from the `try` form: `tryRead`, `tryFillBuf`, `tryWrite`,
 * `tryFlush`):
 *
 *   receive   read(buf) · fillBuf()/byteAt/consume      (UartRead, UartFill)
 *   transmit  write(buf) · flush()                      (UartWrite, UartFlush)
 *
 * Where received bytes wait: in the host's RX FIFO (board.json `rxFifo`)
 * until a read takes them, and for `fillBuf` in the port's own buffer
 * (`bufferSize` bytes, fixed at init). Nothing takes bytes from the FIFO
 * except a read or fill that completes with them, which is what makes every
 * receive operation cancel-safe: a read that loses a select against a
 * timeout has taken nothing.
 *
 * Events (the port listens to UART_RX, UART_TX and UART_ERROR for its whole
 * life; handlers only count and wake):
 *   UART_RX          wakes a pending read or fill
 *   UART_TX          the TX FIFO drained: wakes a pending write or flush
 *                    (ABI v1 has no "room in the FIFO" event: a write that
 *                    found the FIFO full resumes once it has drained, then
 *                    refills it whole; a poll in between, e.g. for a
 *                    select's timeout, may already find room)
 *   UART_ERROR 1/2   counted in `overruns` / `framingErrors`; the next read
 *                    or fill reports it once as ErrorKind.OVERRUN/FRAMING
 *                    (when both happened, the first is reported, both are
 *                    counted); bytes already in the FIFO are still delivered
 *                    by the reads after that.
 *
 * Cost: each poll of a pending operation makes one host call; the port
 * never allocates after its constructor.
 */
import { EventHandler, listen, Text, textOf } from "outpost";
import { EventSource, UartEvents, uart_configure, uart_listen } from "outpost/abi";
import { BufRead, Write } from "outpost/hal/io";
import { ErrorKind } from "outpost/hal/error";
import { panicRange, panicUartConfigure, uartLabel } from "outpost/hal/messages";
import { panicBadArgumentOf } from "outpost/errors";
import { UartFill, UartFlush, UartRead, UartWrite } from "outpost/hal/uart_ops";
import { newStaticArray } from "outpost/arrays";

/** One of the port's three event subscriptions (a handler is in one source's list). */
class UartEventHandler extends EventHandler {
  uart: Uart = changetype<Uart>(0); // set by its owner at init, before any event
  onEvent(source: i32, arg: i32, at: i64): void {
    const uart = this.uart;
    if ((arg & 0xff) != uart.port) return;
    if (source == EventSource.UART_RX) uart.onReceive();
    else if (source == EventSource.UART_TX) uart.onTransmitted(at);
    else if (source == EventSource.UART_ERROR) uart.onError((arg >>> 8) & 0xff);
  }
}

export class Uart implements BufRead, Write {
  readonly port: i32;
  readonly baud: i32;
  /** `UART0`: how messages name this port. */
  readonly label: string;
  /** Bytes lost because the RX FIFO was full (one per UART_ERROR kind 1). */
  overruns: u32 = 0;
  /** Bytes that arrived garbled (UART_ERROR kind 2). */
  framingErrors: u32 = 0;

  // Receive side: an error not yet reported, and the fill buffer [rxHead, rxTail).
  pendingError: i32 = 0;
  rxBuf: StaticArray<u8>;
  rxHead: i32 = 0;
  rxTail: i32 = 0;
  // Transmit side: bytes accepted and not yet reported drained.
  txBusy: bool = false;
  lastWriteAt: i64 = -1;

  private readOp: UartRead = new UartRead();
  private fillOp: UartFill = new UartFill();
  private writeOp: UartWrite = new UartWrite();
  private flushOp: UartFlush = new UartFlush();

  /**
   * Claims `port` at `baud` (8N1) with a fill buffer of `bufferSize` bytes.
   * Panics PERIPHERAL naming the port if the host refuses. Init only.
   */
  constructor(port: i32, baud: i32, name: string = "", bufferSize: i32 = 64) {
    const label = uartLabel(port, name);
    if (bufferSize < 1) panicBadArgumentOf(label, textOf("the fill buffer needs at least 1 byte"), bufferSize);
    this.port = port;
    this.baud = baud;
    this.label = label;
    this.rxBuf = newStaticArray<u8>(bufferSize);
    const error = uart_configure(port, baud, 0);
    if (error != 0) panicUartConfigure(label, error, baud);
    this.readOp.named(this.label, textOf("read"));
    this.readOp.uart = this;
    this.fillOp.named(this.label, textOf("read"));
    this.fillOp.uart = this;
    this.writeOp.named(this.label, textOf("write"));
    this.writeOp.uart = this;
    this.flushOp.named(this.label, textOf("flush"));
    this.flushOp.uart = this;
    this.subscribe(EventSource.UART_RX);
    this.subscribe(EventSource.UART_TX);
    this.subscribe(EventSource.UART_ERROR);
    uart_listen(port, UartEvents.RX | UartEvents.TX | UartEvents.ERROR);
  }

  private subscribe(source: i32): void {
    const handler = new UartEventHandler();
    handler.uart = this;
    listen(source, handler);
  }

  /** Reads into `buf[start, end)`; see `Read.read`. BUSY if a read or fill is in flight (`tryRead`: null). */
  read(buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): UartRead {
    this.fillOp.assertIdle();
    if (end < 0) end = buf.length;
    checkRange(this.label, textOf("read"), buf, start, end);
    return this.readOp.arm(buf, start, end);
  }

  /**
   * The try form of `read`: null, changing nothing, while a read or fill is
   * in flight (where `read` panics BUSY); otherwise exactly `read`. A bad
   * range still panics: it is a bug, not a condition. No allocation.
   */
  tryRead(buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): UartRead | null {
    if (this.readOp.busy || this.fillOp.busy) return null;
    return this.read(buf, start, end);
  }

  /** Fills the port's buffer; see `BufRead.fillBuf`. BUSY if a read or fill is in flight (`tryFillBuf`: null). */
  fillBuf(): UartFill {
    this.readOp.assertIdle();
    return this.fillOp.arm();
  }

  /** The try form of `fillBuf`: null, changing nothing, while a read or fill is in flight. */
  tryFillBuf(): UartFill | null {
    if (this.readOp.busy || this.fillOp.busy) return null;
    return this.fillBuf();
  }

  /** Bytes in the port's buffer now. */
  buffered(): i32 {
    return this.rxTail - this.rxHead;
  }

  byteAt(i: i32): u8 {
    const available = this.buffered();
    if (<u32>i >= <u32>available) panicRange(this.label, textOf("byteAt"), i, i + 1, available);
    return unchecked(this.rxBuf[this.rxHead + i]); // rxHead + i < rxTail <= capacity
  }

  consume(n: i32): void {
    const available = this.buffered();
    this.rxHead += n < 0 ? 0 : n > available ? available : n;
  }

  /** Writes from `buf[start, end)`; see `Write.write`. BUSY if a write or flush is in flight (`tryWrite`: null). */
  write(buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): UartWrite {
    this.flushOp.assertIdle();
    if (end < 0) end = buf.length;
    checkRange(this.label, textOf("write"), buf, start, end);
    return this.writeOp.arm(buf, start, end);
  }

  /**
   * The try form of `write`: null, changing nothing, while a write or flush
   * is in flight (where `write` panics BUSY); otherwise exactly `write`. A
   * bad range still panics. No allocation.
   */
  tryWrite(buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): UartWrite | null {
    if (this.writeOp.busy || this.flushOp.busy) return null;
    return this.write(buf, start, end);
  }

  /** Waits until every accepted byte is on the wire. BUSY if a write or flush is in flight (`tryFlush`: null). */
  flush(): UartFlush {
    this.writeOp.assertIdle();
    return this.flushOp.arm();
  }

  /** The try form of `flush`: null, changing nothing, while a write or flush is in flight. */
  tryFlush(): UartFlush | null {
    if (this.writeOp.busy || this.flushOp.busy) return null;
    return this.flush();
  }

  /** The unreported receive error (an ErrorKind), clearing it; 0 when none. */
  takeError(): i32 {
    const error = this.pendingError;
    this.pendingError = 0;
    return error;
  }

  // Event entry points (UartEventHandler): count, record, wake. Nothing else.

  onReceive(): void {
    this.readOp.wakeWaiter();
    this.fillOp.wakeWaiter();
  }

  onTransmitted(at: i64): void {
    // A drain seen at or before the last write is stale: that write refilled the FIFO.
    if (at > this.lastWriteAt) this.txBusy = false;
    this.writeOp.wakeWaiter();
    this.flushOp.wakeWaiter();
  }

  onError(kind: i32): void {
    let error = ErrorKind.OTHER;
    if (kind == 1) {
      this.overruns++;
      error = ErrorKind.OVERRUN;
    } else if (kind == 2) {
      this.framingErrors++;
      error = ErrorKind.FRAMING;
    }
    if (this.pendingError == 0) this.pendingError = error;
    this.readOp.wakeWaiter();
    this.fillOp.wakeWaiter();
  }
}

/** ABORT panic unless 0 ≤ start ≤ end ≤ buf.length. */
function checkRange(label: string, what: Text, buf: StaticArray<u8>, start: i32, end: i32): void {
  // One unsigned comparison each also rejects negatives.
  if (<u32>start > <u32>end || <u32>end > <u32>buf.length) panicRange(label, what, start, end, buf.length);
}
