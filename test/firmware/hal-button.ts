// Test firmware for test/hal/button.test.ts: the Button driver.
//   BTN1: debounce 20 ms, long press 300 ms; every event is logged as
//         "<event> <lastEventAt>".
//   BTN2: the same, but each next() is raced against a 7 ms timeout
//         (cancelled and restarted over and over): logged as "btn2 <event> <at>".
import { Task, TaskPool, Duration, WithTimeout, log } from "outpost";
import { Input, Pull, TimerDelay, StreamStatus } from "outpost/hal";
import { Button, ButtonNext, ButtonEvent } from "outpost/drivers/button";
import { BTN1, BTN2 } from "outpost/board";

function name(event: i32): string {
  return event == ButtonEvent.PRESS ? "press" : event == ButtonEvent.RELEASE ? "release" : "long";
}

class Watch extends Task {
  button!: Button;
  next: ButtonNext | null = null;
  poll(): bool {
    while (true) {
      if (this.next === null) this.next = this.button.next();
      const next = this.next!;
      if (!next.poll()) return false;
      this.next = null;
      if (next.status == StreamStatus.ITEM) log.infoInt(name(next.value), this.button.lastEventAt);
    }
  }
}
const watches = new TaskPool<Watch>("watch", 1);

class Impatient extends Task {
  button!: Button;
  timed: WithTimeout<ButtonNext> = new WithTimeout<ButtonNext>();
  armed: bool = false;
  poll(): bool {
    while (true) {
      if (!this.armed) {
        this.timed.of(Duration.millis(7), this.button.next());
        this.armed = true;
      }
      if (!this.timed.poll()) return false;
      this.armed = false;
      if (this.timed.timedOut) continue;
      const next = this.timed.inner!;
      if (next.status == StreamStatus.ITEM) {
        if (next.value == ButtonEvent.PRESS) log.info("btn2 press");
        else if (next.value == ButtonEvent.RELEASE) log.info("btn2 release");
        else log.info("btn2 long");
        log.infoInt("btn2 at", this.button.lastEventAt);
      }
    }
  }
}
const impatients = new TaskPool<Impatient>("impatient", 1);

export function main(): void {
  watches.spawn().button = new Button(new Input(BTN1, Pull.UP, "BTN1"), new TimerDelay(), true, 20, 300);
  impatients.spawn().button = new Button(new Input(BTN2, Pull.UP, "BTN2"), new TimerDelay(), true, 20, 300);
}
