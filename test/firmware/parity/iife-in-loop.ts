// Parity program (test/parity/): an async arrow called where it is written
// inside a loop reads that iteration's loop variable and a local updated
// between iterations.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (): Promise<void> => {
  let acc = 0;
  for (let i = 1; i <= 3; i++) {
    acc += await (async (): Promise<i32> => {
      await Timer.after(Duration.millis(i));
      return i * 10 + acc;
    })();
    log.infoInt("iife-in-loop acc", acc);
  }
});

export function main(): void {
  user.spawn();
}
