// Idle, not deadlocked: "waiter" parks until BTN1 is pressed (a falling edge:
// the button is active low), which only the outside world can do. While it
// waits the firmware listens to BTN1, so the simulator calls it idle. Once
// pressed, it logs and finishes.
import { Task, TaskPool, log } from "outpost";
import { Input, Pull, PinWait } from "outpost/hal";
import { BTN1 } from "outpost/board";

let button!: Input;

class Waiter extends Task {
  wait: PinWait | null = null;

  poll(): bool {
    if (this.wait === null) this.wait = button.waitForFallingEdge();
    if (!this.wait!.poll()) {
      this.site = 0;
      return false;
    }
    log.info("pressed");
    return true;
  }
}

const waiters = new TaskPool<Waiter>("waiter", 1);

export function main(): void {
  button = new Input(BTN1, Pull.UP, "BTN1");
  waiters.spawn();
}
