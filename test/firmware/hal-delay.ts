// Test firmware for test/hal/delay.test.ts: TimerDelay's timing, and the
// BUSY panic when two tasks share one Delay.
//   task "timing": delayMs(5), delayUs(1500), delayMs(0), delayUs(-3), each
//   logged as "<what> <now>"; then it starts delayMs(10) on the shared delay
//   and spawns "intruder", which starts another delay on it: BUSY.
import { Task, TaskPool, Instant, log } from "outpost";
import { TimerDelay, DelayFuture } from "outpost/hal";

const shared = new TimerDelay("shared");

class Intruder extends Task {
  poll(): bool {
    shared.delayMs(1).poll();
    return true;
  }
}
const intruders = new TaskPool<Intruder>("intruder", 1);

class Timing extends Task {
  delay: TimerDelay = new TimerDelay();
  step: i32 = 0;
  current: DelayFuture | null = null;

  poll(): bool {
    while (true) {
      if (this.current === null) {
        const s = this.step;
        if (s == 0) this.current = this.delay.delayMs(5);
        else if (s == 1) this.current = this.delay.delayUs(1500);
        else if (s == 2) this.current = this.delay.delayMs(0);
        else if (s == 3) this.current = this.delay.delayUs(-3);
        else {
          shared.delayMs(10).poll();
          intruders.spawn();
          return false;
        }
      }
      if (!this.current!.poll()) return false;
      this.current = null;
      log.infoInt(this.step == 0 ? "ms5" : this.step == 1 ? "us1500" : this.step == 2 ? "ms0" : "us-3", Instant.now());
      this.step++;
    }
  }
}
const timings = new TaskPool<Timing>("timing", 1);

export function main(): void {
  timings.spawn();
}
