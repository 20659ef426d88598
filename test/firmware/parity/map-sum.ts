// Parity program (test/parity/): a higher-order async function
// (`mapSum(f, n)`) awaits its function argument in a loop; given a named
// async function and a capturing arrow.
import { Timer, Duration, log, task } from "outpost";

async function mapSum(f: (i: i32) => Promise<i32>, n: i32): Promise<i32> {
  let sum: i32 = 0;
  for (let i = 0; i < n; i++) sum += await f(i);
  return sum;
}

async function cube(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return i * i * i;
}

export const user = task(1, async (weight: i32): Promise<void> => {
  log.infoInt("map-sum cubes", await mapSum(cube, 4));
  const weighted = await mapSum(async (i: i32): Promise<i32> => {
    await Timer.after(Duration.millis(2));
    log.infoInt("map-sum item", i);
    return i * weight;
  }, 3);
  log.infoInt("map-sum weighted", weighted);
});

export function main(): void {
  user.spawn(5);
}
