// Test firmware for test/hal/uart.test.ts: the Read/Write/BufRead semantics
// of Uart on UART0. The first byte received on UART1 picks the behaviour:
//
//   t  echo through reads raced against a 3 ms timeout (WithTimeout);
//      logs "timeouts <n>" before each echo: how many reads lost meanwhile
//   s  the same with Select2(read, Timer)
//   l  a slow reader: reads 1 byte, echoes it, sleeps 2 ms; logs
//      "error <kind>" and "overruns <count>" when a read reports an error
//   w  writes 100 bytes: logs "accepted <n>" for the first write, "wrote <n>"
//      when all are accepted, "flushed" when the last is on the wire
//   W  writes 100 bytes, then flushes while the write is in flight: BUSY
//   b  a second task reads while the first reads: BUSY
//   f  fillBuf → "fill <n>", consume(2), fillBuf → "fill <n>", then
//      read(8) → "read <n>" and the bytes echoed
//   e  reads and logs every result: "read <n>" (negative: an ErrorKind)
//   c  fills the TX FIFO (32 bytes), races a write of 8 more against 50 µs
//      (it loses: "write timed out"), then writes those 8 with WriteAll
import { Task, TaskPool, Duration, Timer, ValueFuture, WithTimeout, Select2, Yield, log } from "outpost";
import { Uart, UartRead, UartWrite, WriteAll, TimerDelay, DelayFuture } from "outpost/hal";
import { UART0, UART1 } from "outpost/board";

let uart!: Uart;
let control!: Uart;

class Reader extends Task {
  buf: StaticArray<u8> = new StaticArray<u8>(8);
  read: UartRead | null = null;
  poll(): bool {
    if (this.read === null) this.read = uart.read(this.buf);
    return this.read!.poll();
  }
}
const readers = new TaskPool<Reader>("second-reader", 1);

class Tester extends Task {
  mode: u8 = 0;
  step: i32 = 0;
  modeBuf: StaticArray<u8> = new StaticArray<u8>(1);
  buf: StaticArray<u8> = new StaticArray<u8>(100);
  pending: ValueFuture<i32> | null = null;
  timed: WithTimeout<UartRead> = new WithTimeout<UartRead>();
  timedWrite: WithTimeout<UartWrite> = new WithTimeout<UartWrite>();
  first: Select2<UartRead, Timer> = new Select2<UartRead, Timer>();
  timer: Timer = new Timer();
  all: WriteAll = new WriteAll();
  delay: TimerDelay = new TimerDelay();
  sleeping: DelayFuture | null = null;
  pause: Yield = new Yield();
  timeouts: i32 = 0;

  poll(): bool {
    if (this.mode == 0) {
      if (this.pending === null) this.pending = control.read(this.modeBuf);
      if (!this.pending!.poll()) return false;
      this.pending = null;
      this.mode = this.modeBuf[0];
    }
    const m = this.mode;
    if (m == 0x74 || m == 0x73) return this.echoWithTimeouts(m == 0x73);
    if (m == 0x6c) return this.slowEcho();
    if (m == 0x77 || m == 0x57) return this.writes(m == 0x57);
    if (m == 0x62) return this.busyRead();
    if (m == 0x66) return this.fills();
    if (m == 0x65) return this.errors();
    if (m == 0x63) return this.cancelledWrite();
    return true;
  }

  cancelledWrite(): bool {
    if (this.step == 0) {
      for (let i = 0; i < 40; i++) this.buf[i] = <u8>(0x41 + i % 26);
      this.pending = uart.write(this.buf, 0, 32);
      this.step = 1;
    }
    if (this.step == 1) {
      if (!this.pending!.poll()) return false;
      log.infoInt("accepted", this.pending!.value);
      // 50 µs: less than a byte time, so the FIFO is still full at the deadline.
      this.timedWrite.of(Duration.micros(50), uart.write(this.buf, 32, 40));
      this.step = 2;
    }
    if (this.step == 2) {
      if (!this.timedWrite.poll()) return false;
      if (!this.timedWrite.timedOut) {
        log.infoInt("write done", this.timedWrite.inner!.value);
        return true;
      }
      log.info("write timed out");
      this.all.arm(uart, this.buf, 32, 40);
      this.step = 3;
    }
    if (!this.all.poll()) return false;
    log.infoInt("wrote", this.all.done);
    return true;
  }

  /** Step 0: race a read against 3 ms; step 1: echo what was read. */
  echoWithTimeouts(useSelect: bool): bool {
    while (true) {
      if (this.step == 0) {
        if (useSelect) this.first.of(uart.read(this.buf, 0, 8), this.timer.after(Duration.millis(3)));
        else this.timed.of(Duration.millis(3), uart.read(this.buf, 0, 8));
        this.step = 1;
      }
      if (this.step == 1) {
        let n = 0;
        if (useSelect) {
          if (!this.first.poll()) return false;
          if (this.first.value == 1) n = -100;
          else n = this.first.a!.value;
        } else {
          if (!this.timed.poll()) return false;
          n = this.timed.timedOut ? -100 : this.timed.inner!.value;
        }
        if (n == -100) {
          this.timeouts++;
          this.step = 0;
          continue;
        }
        log.infoInt("timeouts", this.timeouts);
        this.timeouts = 0;
        this.all.arm(uart, this.buf, 0, n);
        this.step = 2;
      }
      if (!this.all.poll()) return false;
      this.step = 0;
    }
  }

  slowEcho(): bool {
    while (true) {
      if (this.step == 0) {
        if (this.pending === null) this.pending = uart.read(this.buf, 0, 1);
        if (!this.pending!.poll()) return false;
        const n = this.pending!.value;
        this.pending = null;
        if (n < 0) {
          log.infoInt("error", n);
          log.infoInt("overruns", uart.overruns);
          continue;
        }
        this.all.arm(uart, this.buf, 0, 1);
        this.step = 1;
      }
      if (this.step == 1) {
        if (!this.all.poll()) return false;
        this.sleeping = this.delay.delayMs(2);
        this.step = 2;
      }
      if (!this.sleeping!.poll()) return false;
      this.step = 0;
    }
  }

  writes(flushEarly: bool): bool {
    if (this.step == 0) {
      for (let i = 0; i < 100; i++) this.buf[i] = <u8>(0x30 + i % 10);
      this.pending = uart.write(this.buf);
      this.step = 1;
    }
    if (this.step == 1) {
      if (!this.pending!.poll()) return false;
      log.infoInt("accepted", this.pending!.value);
      this.all.arm(uart, this.buf, this.pending!.value, 100);
      this.step = 2;
    }
    if (this.step == 2) {
      if (!this.all.poll()) {
        if (flushEarly) uart.flush(); // the write is in flight: BUSY
        return false;
      }
      log.infoInt("wrote", this.all.done);
      this.pending = uart.flush();
      this.step = 3;
    }
    if (!this.pending!.poll()) return false;
    log.info("flushed");
    return true;
  }

  busyRead(): bool {
    if (this.step == 0) {
      readers.spawn();
      this.pause.now();
      this.step = 1;
    }
    if (!this.pause.poll()) return false;
    uart.read(this.buf); // the second reader's read is in flight: BUSY
    return true;
  }

  fills(): bool {
    while (true) {
      if (this.pending === null) {
        if (this.step == 2) this.pending = uart.read(this.buf, 0, 8);
        else this.pending = uart.fillBuf();
      }
      if (!this.pending!.poll()) return false;
      const n = this.pending!.value;
      this.pending = null;
      if (this.step < 2) {
        log.infoInt("fill", n);
        log.infoInt("first", uart.byteAt(0));
        uart.consume(2);
        this.step++;
        continue;
      }
      log.infoInt("read", n);
      this.all.arm(uart, this.buf, 0, n);
      this.step = 3;
      break;
    }
    return this.all.poll();
  }

  errors(): bool {
    while (true) {
      if (this.pending === null) this.pending = uart.read(this.buf, 0, 8);
      if (!this.pending!.poll()) return false;
      log.infoInt("read", this.pending!.value);
      this.pending = null;
    }
  }
}
const testers = new TaskPool<Tester>("tester", 1);

export function main(): void {
  uart = new Uart(UART0, 115200, "UART0");
  control = new Uart(UART1, 115200, "UART1");
  testers.spawn();
}
