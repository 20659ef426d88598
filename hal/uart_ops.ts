/**
 * The four futures a `Uart` hands out, one per operation, each preallocated
 * by the port and re-armed per call. See uart.ts for the port's rules; each
 * future's `poll` is one host call at most and never allocates.
 *
 * Receive (UartRead, UartFill), per poll:
 *   1. an unreported error (overrun/framing) → complete with its ErrorKind;
 *   2. bytes available (port buffer, then RX FIFO) → complete with the count;
 *   3. otherwise park; UART_RX or UART_ERROR wakes the task.
 * Transmit (UartWrite), per poll: `uart_write` → complete with the count it
 * accepted if > 0, otherwise park until UART_TX (the FIFO drained).
 * UartFlush completes once no accepted byte is waiting for the wire.
 * Cancelling any of them only drops the waiter: no byte moved.
 */
import { now_us, uart_read, uart_write } from "outpost/abi";
import { Op } from "outpost/hal/op";
import { Uart } from "outpost/hal/uart";

// @ts-ignore: decorator
@inline function bytesAt(buf: StaticArray<u8>, start: i32): usize {
  return changetype<usize>(buf) + <usize>start; // StaticArray<u8> data starts at the object pointer
}

/** What all four share: the port they act on, set by its owner at init. */
export abstract class UartOp extends Op<i32> {
  uart: Uart = changetype<Uart>(0); // set by its owner at init, before any poll
}

/** A read or write: the op plus the caller's range, which `Uart` has checked. */
export abstract class UartRangeOp extends UartOp {
  protected buf: StaticArray<u8> = changetype<StaticArray<u8>>(0); // set by arm before any poll
  protected start: i32 = 0;
  protected end: i32 = 0;

  protected armRange(buf: StaticArray<u8>, start: i32, end: i32): void {
    this.begin();
    this.buf = buf;
    this.start = start;
    this.end = end;
  }
}

export class UartRead extends UartRangeOp {
  /** Called by `Uart.read`, which has checked the range. */
  arm(buf: StaticArray<u8>, start: i32, end: i32): UartRead {
    this.armRange(buf, start, end);
    return this;
  }

  poll(): bool {
    const uart = this.uart;
    const error = uart.takeError();
    if (error < 0) return this.finish(error);
    const start = this.start;
    const end = this.end;
    if (start == end) return this.finish(0);
    // Bytes already in the port's buffer come first, then the FIFO.
    let n = 0;
    const buffered = uart.buffered();
    if (buffered > 0) {
      n = min(buffered, end - start);
      memory.copy(bytesAt(this.buf, start), bytesAt(uart.rxBuf, uart.rxHead), <usize>n);
      uart.rxHead += n;
    }
    if (start + n < end) n += uart_read(uart.port, bytesAt(this.buf, start + n), end - start - n);
    if (n > 0) return this.finish(n);
    return this.park();
  }
}

export class UartFill extends UartOp {
  arm(): UartFill {
    this.begin();
    return this;
  }

  poll(): bool {
    const uart = this.uart;
    const error = uart.takeError();
    if (error < 0) return this.finish(error);
    const buffered = uart.buffered();
    if (buffered > 0) return this.finish(buffered);
    uart.rxHead = 0;
    uart.rxTail = uart_read(uart.port, bytesAt(uart.rxBuf, 0), uart.rxBuf.length);
    if (uart.rxTail > 0) return this.finish(uart.rxTail);
    return this.park();
  }
}

export class UartWrite extends UartRangeOp {
  /** Called by `Uart.write`, which has checked the range. */
  arm(buf: StaticArray<u8>, start: i32, end: i32): UartWrite {
    this.armRange(buf, start, end);
    return this;
  }

  poll(): bool {
    if (this.start == this.end) return this.finish(0);
    const uart = this.uart;
    const n = uart_write(uart.port, bytesAt(this.buf, this.start), this.end - this.start);
    if (n > 0) {
      uart.txBusy = true;
      uart.lastWriteAt = now_us();
      return this.finish(n);
    }
    return this.park();
  }
}

export class UartFlush extends UartOp {
  arm(): UartFlush {
    this.begin();
    return this;
  }

  poll(): bool {
    if (!this.uart.txBusy) return this.finish(0);
    return this.park();
  }
}
