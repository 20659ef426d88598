// Parity program (test/parity/): `return await g(x)` hands on another
// async call's value from any branch, and async arrows with an expression
// body (`async (x) => x + 1`, `async (x) => await g(x)`) are awaited like
// any.
import { Timer, Duration, log, task } from "outpost";

async function g(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(x));
  log.infoInt("return-future g", x);
  return x * 3;
}

async function pass(x: i32): Promise<i32> {
  log.infoInt("return-future pass", x);
  return await g(x + 1);
}

async function pick(x: i32): Promise<i32> {
  if (x > 2) return await g(x);
  await Timer.after(Duration.millis(1));
  return x;
}

const inc = async (x: i32): Promise<i32> => x + 1;
const later = async (x: i32): Promise<i32> => await g(x);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("return-future a", await pass(1));
  log.infoInt("return-future b", await pick(1));
  log.infoInt("return-future c", await pick(4));
  log.infoInt("return-future d", await inc(5));
  log.infoInt("return-future e", await later(2));
});

export function main(): void {
  user.spawn();
}
