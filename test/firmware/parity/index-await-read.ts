// Parity program (test/parity/): an array element read with an awaited
// index inside a condition and an expression, `table[await idx()] > 3`,
// reads the array as it is after the await.
import { Timer, Duration, log, task } from "outpost";

const table: StaticArray<i32> = [1, 5, 2, 8];

async function idx(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  table[0] += 10;
  return i;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    if (table[await idx(i)] > 3) log.infoInt("index-await-read big", i);
  }
  log.infoInt("index-await-read sum", table[await idx(0)] + table[await idx(3)]);
});

export function main(): void {
  user.spawn();
}
