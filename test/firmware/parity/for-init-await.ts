// Parity program (test/parity/): an await in a for loop's initializer runs
// once, and a do … while whose condition is `(await a()) && (await b())`
// evaluates both only while the first is true.
import { Timer, Duration, log, task } from "outpost";

async function start(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(3));
  log.infoInt("for-init-await start", x);
  return x;
}

async function lt(a: i32, b: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  log.infoInt("for-init-await lt", a * 100 + b);
  return a < b;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = await start(2), j = await start(5); i < j; i++) log.infoInt("for-init-await i", i);
  let n = 0;
  do {
    n++;
  } while ((await lt(n, 4)) && (await lt(0, 4 - n)));
  log.infoInt("for-init-await n", n);
  let m = 0;
  while ((await lt(m, 2)) || ((await lt(m, 5)) && !(await lt(m, 3)))) m++;
  log.infoInt("for-init-await m", m);
});

export function main(): void {
  user.spawn();
}
