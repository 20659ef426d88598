// Parity program (test/parity/): `continue` inside a finally block that awaits drops the pending error and goes on with the loop.
import { Timer, Duration, log, task } from "outpost";

async function step(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (i % 2 == 1) throw new Error("continue-in-finally odd");
  return i;
}

async function run(n: i32): Promise<i32> {
  let sum: i32 = 0;
  for (let i = 0; i < n; i++) {
    try {
      sum += await step(i);
      if (i == 4) return sum;
    } finally {
      await Timer.after(Duration.millis(1));
      log.infoInt("continue-in-finally cleanup", i);
      if (i != 4) continue;
    }
    log.infoInt("continue-in-finally after try", i);
  }
  return sum;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("continue-in-finally sum", await run(4));
  log.infoInt("continue-in-finally sum6", await run(6));
});

export function main(): void {
  user.spawn();
}
