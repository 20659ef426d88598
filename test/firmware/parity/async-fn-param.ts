// Parity program (test/parity/): a parameter typed as an async function
// type (`f: (x: i32) => Promise<i32>`) is called with await; named async
// functions are passed to it.
import { Timer, Duration, log, task } from "outpost";

async function double(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return x * 2;
}

async function square(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(3));
  return x * x;
}

async function applyPlusOne(f: (x: i32) => Promise<i32>, x: i32): Promise<i32> {
  const v = await f(x);
  log.infoInt("async-fn-param applied", v);
  return v + 1;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("async-fn-param double", await applyPlusOne(double, 5));
  log.infoInt("async-fn-param square", await applyPlusOne(square, 5));
});

export function main(): void {
  user.spawn();
}
