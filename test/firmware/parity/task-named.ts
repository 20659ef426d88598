// Parity program (test/parity/): tasks declared over named async functions
// (`task(2, blink)`) run their function with the spawn's arguments, two at
// once from one pool.
import { Timer, Duration, log, task } from "outpost";

async function blink(id: i32, period: i32, times: i32): Promise<void> {
  for (let i = 0; i < times; i++) {
    await Timer.after(Duration.millis(period));
    log.infoInt("task-named blink", id * 10 + i);
  }
}

export const blinker = task(2, blink);

export function main(): void {
  blinker.spawn(1, 3, 3);
  blinker.spawn(2, 4, 2);
}
