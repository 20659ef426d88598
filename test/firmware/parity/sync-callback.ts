// Parity program (test/parity/): sync arrows passed as arguments to sync
// helpers inside async code (a comparator, a mapper) run between awaits.
import { Timer, Duration, log, task } from "outpost";

const values: StaticArray<i32> = [4, 9, 2, 7];

function best(pick: (a: i32, b: i32) => bool): i32 {
  let r = values[0];
  for (let i = 1; i < values.length; i++) if (pick(values[i], r)) r = values[i];
  return r;
}

function mapSum(f: (x: i32) => i32): i32 {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += f(values[i]);
  return s;
}

export const user = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  log.infoInt("sync-callback max", best((a: i32, b: i32): bool => a > b));
  await Timer.after(Duration.millis(1));
  log.infoInt("sync-callback min", best((a: i32, b: i32): bool => a < b));
  log.infoInt("sync-callback squares", mapSum((x: i32): i32 => x * x));
});

export function main(): void {
  user.spawn();
}
