// Functions as values, which the Wasm calls through its function table
// (test/espruino/function-table.test.ts): a module-level arrow, a table of
// arrows, and async functions passed as values.
import { Duration, log, task, Timer } from "outpost";

export const square = (x: i32): i32 => x * x;
const ops: StaticArray<(x: i32) => i32> = [square, (x: i32): i32 => x + 1];

async function twice(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x * 2;
}

async function apply(f: (x: i32) => Promise<i32>, x: i32): Promise<i32> {
  return await f(x);
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < ops.length; i++) log.info(`op ${i}: ${ops[i](7)}`);
  log.info(`applied ${await apply(twice, 21)}`);
});

export function main(): void {
  log.info(`square ${square(3)}`);
  user.spawn();
}
