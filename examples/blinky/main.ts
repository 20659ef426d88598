// Blinky: toggles LED1 every 500 ms, written as a hand-made poll future.
import { Task, TaskPool, Timer, Duration, log } from "outpost";
import { gpio_configure, gpio_write, PinMode } from "outpost/abi";
import { LED1 } from "outpost/board";

class Blink extends Task {
  timer: Timer = new Timer();
  on: bool = false;
  armed: bool = false;

  poll(): bool {
    while (true) {
      if (!this.armed) {
        this.on = !this.on;
        gpio_write(LED1, this.on ? 1 : 0);
        this.timer.after(Duration.millis(500));
        this.armed = true;
      }
      if (!this.timer.poll()) return false;
      this.armed = false;
    }
  }
}

const blinkers = new TaskPool<Blink>("blink", 1);

export function main(): void {
  gpio_configure(LED1, PinMode.OUTPUT);
  log.info("blinky: LED1 toggles every 500 ms");
  blinkers.spawn();
}
