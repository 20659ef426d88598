// Parity program (test/parity/): two calls of one async method on one
// object, both started before the first finishes, keep their own arguments
// and results. Once inside a join (`join(led.blink(3), led.blink(5))`), once
// from two tasks at the same time.
import { Timer, Duration, join, log, task } from "outpost";

class Led {
  toggles: i32 = 0;

  async blink(times: i32): Promise<i32> {
    for (let i = 0; i < times; i++) {
      await Timer.after(Duration.millis(times));
      this.toggles++;
    }
    log.infoInt("method-twice blinked", times);
    return times * 100;
  }
}

const led = new Led();

export const joined = task(1, async (): Promise<void> => {
  await join(led.blink(3), led.blink(5));
  log.infoInt("method-twice toggles", led.toggles);
});

export const caller = task(2, async (times: i32): Promise<void> => {
  await Timer.after(Duration.millis(100));
  const r = await led.blink(times);
  log.infoInt("method-twice result", r);
});

export function main(): void {
  joined.spawn();
  caller.spawn(2);
  caller.spawn(4);
}
