// Parity program (test/parity/): a local declared without a value and
// assigned in different branches, one of them by an await, holds the
// branch's value after later awaits.
import { Timer, Duration, log, task } from "outpost";

async function fetch(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return x * 11;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    let v: i32;
    if (i == 0) v = 5;
    else if (i == 1) v = await fetch(i);
    else {
      await Timer.after(Duration.millis(1));
      v = -i;
    }
    await Timer.after(Duration.millis(1));
    log.infoInt("late-init v", v);
  }
});

export function main(): void {
  user.spawn();
}
