// Parity program (test/parity/): a generic async function taking an async
// callback over its type parameter (`apply<T>(f: (x: T) => Promise<T>, v: T)`)
// calls it repeatedly at two types.
import { Timer, Duration, log, task } from "outpost";

async function apply<T>(f: (x: T) => Promise<T>, v: T, times: i32): Promise<T> {
  let r = v;
  for (let i = 0; i < times; i++) r = await f(r);
  return r;
}

async function double(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x * 2;
}

async function grow(x: i64): Promise<i64> {
  await Timer.after(Duration.millis(2));
  return x * 1000;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-callback i32", await apply<i32>(double, 3, 4));
  log.infoInt("generic-callback i64", await apply<i64>(grow, 7, 3));
});

export function main(): void {
  user.spawn();
}
