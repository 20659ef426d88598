// Test firmware for test/hal/pin.test.ts: the Wait/InputPin/OutputPin
// semantics of Input and Output, driven by one-byte commands on UART0.
//
//   h l r f a   waitForHigh/Low/RisingEdge/FallingEdge/AnyEdge on P4;
//               logs "<name> <value>" then "level <level>"
//   c           waitForRisingEdge raced against 10 ms (WithTimeout): logs
//               "rising <at>" or "timed out"
//   s           the next 3 items of P4's edge stream (capacity 4): logs
//               "edge <at>" + "level <l>", or "status <status>"
//   x           closes the edge stream, then logs its next status
//   o           toggles P5 (Output); logs "set-high 0|1"
//   i           logs "is-high 0|1" and "is-low 0|1" of P4
//   b           spawns a task that waits for P4 high (and holds the wait)
//   B           same, then the runner waits too: BUSY panic
import { Task, TaskPool, Duration, ValueFuture, WithTimeout, Yield, log } from "outpost";
import { Input, Output, Pull, Uart, PinWait, EdgeStream, EdgeNext, StreamStatus, edgeTime, edgeLevel } from "outpost/hal";
import { P4, P5, UART0 } from "outpost/board";

let pin!: Input;
let out!: Output;
let uart!: Uart;
let edges!: EdgeStream;

class Holder extends Task {
  wait: PinWait | null = null;
  poll(): bool {
    if (this.wait === null) this.wait = pin.waitForHigh();
    if (!this.wait!.poll()) return false;
    log.infoInt("holder high", this.wait!.value);
    return true;
  }
}
const holders = new TaskPool<Holder>("holder", 1);

class Runner extends Task {
  cmd: StaticArray<u8> = new StaticArray<u8>(1);
  reading: ValueFuture<i32> | null = null;
  wait: PinWait | null = null;
  timed: WithTimeout<PinWait> = new WithTimeout<PinWait>();
  timing: bool = false;
  next: EdgeNext | null = null;
  items: i32 = 0;
  mode: u8 = 0;
  pause: Yield = new Yield();

  poll(): bool {
    while (true) {
      if (this.mode == 0) {
        if (this.reading === null) this.reading = uart.read(this.cmd);
        if (!this.reading!.poll()) return false;
        this.reading = null;
        this.mode = this.cmd[0];
        this.start();
      }
      if (!this.step()) return false;
      this.mode = 0;
    }
  }

  start(): void {
    const m = this.mode;
    if (m == 0x68) this.wait = pin.waitForHigh(); // h
    else if (m == 0x6c) this.wait = pin.waitForLow(); // l
    else if (m == 0x72) this.wait = pin.waitForRisingEdge(); // r
    else if (m == 0x66) this.wait = pin.waitForFallingEdge(); // f
    else if (m == 0x61) this.wait = pin.waitForAnyEdge(); // a
    else if (m == 0x63) this.timed.of(Duration.millis(10), pin.waitForRisingEdge()); // c
    else if (m == 0x73) this.items = 0; // s
    else if (m == 0x62) holders.spawn(); // b
    else if (m == 0x42) { // B: let the holder start its wait first
      holders.spawn();
      this.pause.now();
    }
  }

  /** Advances the current command; true when it is done. */
  step(): bool {
    const m = this.mode;
    if (m == 0x63) {
      if (!this.timed.poll()) return false;
      if (this.timed.timedOut) log.info("timed out");
      else log.infoInt("rising", this.timed.inner!.value);
      return true;
    }
    if (m == 0x73 || m == 0x78) {
      if (m == 0x78 && this.next === null) edges.close();
      while (this.items < (m == 0x73 ? 3 : 1)) {
        if (this.next === null) this.next = edges.next();
        const next = this.next!;
        if (!next.poll()) return false;
        this.next = null;
        this.items++;
        if (next.status == StreamStatus.ITEM) {
          log.infoInt("edge", edgeTime(next.value));
          log.infoInt("level", edgeLevel(next.value));
        } else {
          log.infoInt("status", next.status);
        }
      }
      this.items = 0;
      return true;
    }
    if (m == 0x6f) {
      out.toggle();
      log.infoInt("set-high", out.isSetHigh() ? 1 : 0);
      return true;
    }
    if (m == 0x69) {
      log.infoInt("is-high", pin.isHigh() ? 1 : 0);
      log.infoInt("is-low", pin.isLow() ? 1 : 0);
      return true;
    }
    if (m == 0x62) return true;
    if (m == 0x42) {
      if (!this.pause.poll()) return false;
      pin.waitForRisingEdge(); // the holder's wait is in flight: BUSY
      return true;
    }
    const wait = this.wait;
    if (wait === null) return true; // unknown command
    if (!wait.poll()) return false;
    this.wait = null;
    log.infoInt(m == 0x68 ? "high" : m == 0x6c ? "low" : m == 0x72 ? "rising" : m == 0x66 ? "falling" : "any", wait.value);
    log.infoInt("level", wait.level);
    return true;
  }
}
const runners = new TaskPool<Runner>("runner", 1);

export function main(): void {
  pin = new Input(P4, Pull.DOWN, "P4");
  out = new Output(P5, "P5");
  uart = new Uart(UART0, 115200, "UART0");
  edges = pin.edges(4);
  runners.spawn();
}
