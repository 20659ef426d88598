// Parity program (test/parity/): sync callbacks given to array methods
// (forEach, some, map into a fixed array) run between awaits in async code
// and update module state they capture.
import { Timer, Duration, log, task } from "outpost";

const items: i32[] = [3, 1, 4, 1, 5];
let total = 0;
let seen = 0;

export const user = task(1, async (): Promise<void> => {
  for (let round = 0; round < 3; round++) {
    await Timer.after(Duration.millis(2));
    items.forEach((x: i32): void => {
      total += x;
      seen++;
    });
    log.infoInt("foreach-around-await total", total);
    const big: bool = items.some((x: i32): bool => x > 4);
    await Timer.after(Duration.millis(1));
    log.infoInt("foreach-around-await big", big ? 1 : 0);
    items[round] = items[round] * 2;
  }
  log.infoInt("foreach-around-await seen", seen);
});

export function main(): void {
  user.spawn();
}
