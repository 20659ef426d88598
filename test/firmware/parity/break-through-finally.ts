// Parity program (test/parity/): `break` and `continue` out of a try whose
// finally awaits, inside a for loop with an update, run the finally first,
// then the update (for continue) or the code after the loop (for break).
import { Timer, Duration, log, task } from "outpost";

async function step(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  let i = 0;
  for (; i < 6; i = i + (await step(1))) {
    try {
      const v = await step(i);
      if (v == 1) continue;
      if (v == 4) break;
      log.infoInt("break-through-finally body", v);
    } finally {
      await step(0);
      log.infoInt("break-through-finally finally", i);
    }
    log.infoInt("break-through-finally tail", i);
  }
  log.infoInt("break-through-finally after", i);
});

export function main(): void {
  user.spawn();
}
