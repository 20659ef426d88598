// Parity program (test/parity/): two async closures capturing the same
// local, joined, both update it by reference, and the function sees their
// writes after the join.
import { Timer, Duration, join, log, task } from "outpost";

export const user = task(1, async (): Promise<void> => {
  let count = 0;
  const a = async (n: i32): Promise<void> => {
    for (let i = 0; i < n; i++) {
      await Timer.after(Duration.millis(2));
      count += 1;
    }
  };
  const b = async (n: i32): Promise<void> => {
    for (let i = 0; i < n; i++) {
      await Timer.after(Duration.millis(3));
      count += 10;
    }
    log.infoInt("closures-shared b saw", count);
  };
  await join(a(4), b(2));
  log.infoInt("closures-shared count", count);
});

export function main(): void {
  user.spawn();
}
