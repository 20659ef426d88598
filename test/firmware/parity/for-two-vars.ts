// Parity program (test/parity/): a for loop declaring two variables and
// updating both in its header (`i++, j--`) meets in the middle with an
// await in each turn.
import { Timer, Duration, log, task } from "outpost";

async function gap(i: i32, j: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return j - i;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0, j = 9; i < j; i++, j--) log.infoInt("for-two-vars gap", await gap(i, j));
});

export function main(): void {
  user.spawn();
}
