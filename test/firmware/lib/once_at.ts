/**
 * `OnceAt`: a test task that waits until the virtual time `at` (µs), runs
 * `act()` once and finishes. Firmwares that poke the system at a fixed
 * moment (a checker, a feeder) subclass it and set `at` in their constructor.
 */
import { Task, Timer } from "outpost";

export abstract class OnceAt extends Task {
  at: i64 = 0;
  private timer: Timer = new Timer();
  private started: bool = false;

  /** What to do at `at`. */
  abstract act(): void;

  poll(): bool {
    if (!this.started) {
      this.timer.at(this.at);
      this.started = true;
    }
    if (!this.timer.poll()) return false;
    this.act();
    return true;
  }
}
