// Parity program (test/parity/): `x += await f()` reads x before the await,
// as JavaScript does, so another task's write meanwhile is overwritten.
import { Timer, Duration, log, task } from "outpost";

let total: i32 = 100;
const counts: StaticArray<i32> = [0, 0, 0];

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return x;
}

export const writer = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  total = 1000;
  counts[1] = 50;
  log.infoInt("compound-await writer", total);
});

export const user = task(1, async (): Promise<void> => {
  total += await f(5);
  log.infoInt("compound-await total", total);
  counts[1] += await f(7);
  log.infoInt("compound-await counts", counts[1]);
  let local: i32 = 3;
  local *= (await f(4)) + local;
  log.infoInt("compound-await local", local);
});

export function main(): void {
  user.spawn();
  writer.spawn();
}
