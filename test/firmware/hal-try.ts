// Test firmware for test/hal/try-forms.test.ts: the try forms return null,
// changing nothing, while their direction has an operation in flight, and
// succeed once it is done. Four independent tasks, each logging with its
// own prefix:
//
//   reader  (UART0 receive) tryRead(a, 0, 4), polled: pending; then
//           tryRead(b) and tryFillBuf() → logs "read busy <1 if null>" and
//           "fill busy <…>"; when the first read completes: "read <n>",
//           "read a0 <byte>", "read a1 <byte>", "read b0 <byte>"; then
//           tryRead(b) again → "read retry <1 if armed>", and "read b <n>",
//           "read b0 <byte>" when it completes.
//   writer  (UART1 transmit) tryWrite of 32 bytes (fills the TX FIFO), then
//           of 8 more, polled: pending; tryWrite and tryFlush → "write busy",
//           "flush busy"; then "write <n>" when the 8 are accepted, and
//           tryFlush → "flush retry", "flushed" on the wire.
//   sleeper tryDelayMs(5), polled: pending; tryDelayMs(1), tryDelayUs(1) →
//           "delay busy ms", "delay busy us"; "delay done <now>"; then
//           tryDelayUs(1500) → "delay retry", "delay again <now>".
//   waiter  (P4) tryWaitForHigh, polled: pending; tryWaitForAnyEdge →
//           "pin busy"; "pin high <at>"; then tryWaitForLow → "pin retry",
//           "pin low <at>".
import { Task, TaskPool, Instant, log } from "outpost";
import { Uart, UartRead, UartWrite, UartFlush, TimerDelay, DelayFuture, Input, Pull, PinWait } from "outpost/hal";
import { P4, UART0, UART1 } from "outpost/board";

let rx!: Uart;
let tx!: Uart;
let pin!: Input;

class Reader extends Task {
  a: StaticArray<u8> = new StaticArray<u8>(4);
  b: StaticArray<u8> = new StaticArray<u8>(4);
  read: UartRead | null = null;
  step: i32 = 0;

  poll(): bool {
    if (this.step == 0) {
      this.read = rx.tryRead(this.a, 0, 4);
      if (this.read!.poll()) return true; // unexpected: nothing was sent yet
      log.infoInt("read busy", rx.tryRead(this.b) === null ? 1 : 0);
      log.infoInt("fill busy", rx.tryFillBuf() === null ? 1 : 0);
      this.step = 1;
      return false;
    }
    if (this.step == 1) {
      if (!this.read!.poll()) return false;
      log.infoInt("read", this.read!.value);
      log.infoInt("read a0", this.a[0]);
      log.infoInt("read a1", this.a[1]);
      log.infoInt("read b0", this.b[0]);
      this.read = rx.tryRead(this.b);
      log.infoInt("read retry", this.read !== null ? 1 : 0);
      if (this.read === null) return true;
      this.step = 2;
    }
    if (!this.read!.poll()) return false;
    log.infoInt("read b", this.read!.value);
    log.infoInt("read b0", this.b[0]);
    return true;
  }
}
const readers = new TaskPool<Reader>("reader", 1);

class Writer extends Task {
  buf: StaticArray<u8> = new StaticArray<u8>(40);
  write: UartWrite | null = null;
  flush: UartFlush | null = null;
  step: i32 = 0;

  poll(): bool {
    if (this.step == 0) {
      for (let i = 0; i < 40; i++) this.buf[i] = <u8>(0x41 + i % 26);
      if (!tx.tryWrite(this.buf, 0, 32)!.poll()) return true; // an empty FIFO takes 32 at once
      this.write = tx.tryWrite(this.buf, 32, 40);
      if (this.write!.poll()) return true; // unexpected: the FIFO is full
      log.infoInt("write busy", tx.tryWrite(this.buf, 0, 8) === null ? 1 : 0);
      log.infoInt("flush busy", tx.tryFlush() === null ? 1 : 0);
      this.step = 1;
      return false;
    }
    if (this.step == 1) {
      if (!this.write!.poll()) return false;
      log.infoInt("write", this.write!.value);
      this.flush = tx.tryFlush();
      log.infoInt("flush retry", this.flush !== null ? 1 : 0);
      if (this.flush === null) return true;
      this.step = 2;
    }
    if (!this.flush!.poll()) return false;
    log.info("flushed");
    return true;
  }
}
const writers = new TaskPool<Writer>("writer", 1);

class Sleeper extends Task {
  delay: TimerDelay = new TimerDelay("nap");
  current: DelayFuture | null = null;
  step: i32 = 0;

  poll(): bool {
    if (this.step == 0) {
      this.current = this.delay.tryDelayMs(5);
      if (this.current!.poll()) return true;
      log.infoInt("delay busy ms", this.delay.tryDelayMs(1) === null ? 1 : 0);
      log.infoInt("delay busy us", this.delay.tryDelayUs(1) === null ? 1 : 0);
      this.step = 1;
      return false;
    }
    if (this.step == 1) {
      if (!this.current!.poll()) return false;
      log.infoInt("delay done", Instant.now());
      this.current = this.delay.tryDelayUs(1500);
      log.infoInt("delay retry", this.current !== null ? 1 : 0);
      if (this.current === null) return true;
      this.step = 2;
    }
    if (!this.current!.poll()) return false;
    log.infoInt("delay again", Instant.now());
    return true;
  }
}
const sleepers = new TaskPool<Sleeper>("sleeper", 1);

class Waiter extends Task {
  wait: PinWait | null = null;
  step: i32 = 0;

  poll(): bool {
    if (this.step == 0) {
      this.wait = pin.tryWaitForHigh();
      if (this.wait!.poll()) return true; // unexpected: P4 starts low
      log.infoInt("pin busy", pin.tryWaitForAnyEdge() === null ? 1 : 0);
      this.step = 1;
      return false;
    }
    if (this.step == 1) {
      if (!this.wait!.poll()) return false;
      log.infoInt("pin high", this.wait!.value);
      this.wait = pin.tryWaitForLow();
      log.infoInt("pin retry", this.wait !== null ? 1 : 0);
      if (this.wait === null) return true;
      this.step = 2;
    }
    if (!this.wait!.poll()) return false;
    log.infoInt("pin low", this.wait!.value);
    return true;
  }
}
const waiters = new TaskPool<Waiter>("waiter", 1);

export function main(): void {
  rx = new Uart(UART0, 115200);
  tx = new Uart(UART1, 115200);
  pin = new Input(P4, Pull.DOWN, "P4");
  readers.spawn();
  writers.spawn();
  sleepers.spawn();
  waiters.spawn();
}
