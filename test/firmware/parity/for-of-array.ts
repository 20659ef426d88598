// Parity program (test/parity/): `for … of` over an Array inside an async
// body awaits in each iteration, with continue and break.
import { Timer, Duration, log, task } from "outpost";

const delays: i32[] = [3, 0, 5, 2, 9, 4];

export const user = task(1, async (): Promise<void> => {
  let total: i32 = 0;
  for (const d of delays) {
    if (d == 0) continue;
    await Timer.after(Duration.millis(d));
    total += d;
    log.infoInt("for-of-array waited", d);
    if (total > 15) break;
  }
  log.infoInt("for-of-array total", total);
});

export function main(): void {
  user.spawn();
}
