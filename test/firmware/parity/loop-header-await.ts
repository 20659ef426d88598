// Parity program (test/parity/): awaits in a for loop's condition and
// update, in a while condition, and as the iterable of a for … of.
import { Timer, Duration, log, task } from "outpost";

const data: StaticArray<i32> = [4, 5, 6];

async function below(i: i32, n: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  return i < n;
}

async function next(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return i + 2;
}

async function rows(): Promise<StaticArray<i32>> {
  await Timer.after(Duration.millis(1));
  return data;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; await below(i, 5); i = await next(i)) log.infoInt("loop-header-await for", i);
  let k = 0;
  while ((await next(k)) < 7) k += 3;
  log.infoInt("loop-header-await while", k);
  for (const v of await rows()) {
    await Timer.after(Duration.millis(1));
    log.infoInt("loop-header-await of", v);
  }
});

export function main(): void {
  user.spawn();
}
