// For the deferred-text and release-build tests (test/cli/deferred-text.test.ts):
// task "unlocker" waits 1 ms, then unlocks Mutex "bus", which nobody
// holds: an ABORT panic whose text is mostly message literals.
import { Task, TaskPool, Timer, Duration, Mutex } from "outpost";

const bus = new Mutex(1, "bus");

class Unlocker extends Task {
  timer: Timer = new Timer();
  armed: bool = false;

  poll(): bool {
    if (!this.armed) {
      this.timer.after(Duration.millis(1));
      this.armed = true;
    }
    if (!this.timer.poll()) return false;
    bus.unlock();
    return true;
  }
}

const unlockers = new TaskPool<Unlocker>("unlocker", 1);

export function main(): void {
  unlockers.spawn();
}
