// Parity program (test/parity/): an array of async callbacks set up at
// init (named functions and a capturing arrow) is called in order, each
// step feeding the next.
import { Timer, Duration, log, task } from "outpost";

async function inc(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x + 1;
}

async function double(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return x * 2;
}

function offsetBy(k: i32): (x: i32) => Promise<i32> {
  return async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(3));
    return x - k;
  };
}

const steps: Array<(x: i32) => Promise<i32>> = [inc, double, offsetBy(4), double];

export const user = task(1, async (): Promise<void> => {
  let v: i32 = 5;
  for (let i = 0; i < steps.length; i++) {
    v = await steps[i](v);
    log.infoInt("callback-array step", v);
  }
});

export function main(): void {
  user.spawn();
}
