// Parity program (test/parity/): a catch block without a binding
// (`catch { … }`) catches errors thrown after awaits, and may await itself.
import { Timer, Duration, log, task } from "outpost";

async function risky(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (i % 2 == 0) throw new Error("catch-no-binding even");
  return i;
}

export const user = task(1, async (): Promise<void> => {
  let good = 0;
  for (let i = 0; i < 4; i++) {
    try {
      good += await risky(i);
    } catch {
      await Timer.after(Duration.millis(3));
      log.infoInt("catch-no-binding caught", i);
    }
  }
  log.infoInt("catch-no-binding good", good);
});

export function main(): void {
  user.spawn();
}
