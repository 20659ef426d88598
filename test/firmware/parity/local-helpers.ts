// Parity program (test/parity/): sync arrows declared inside an async
// function (capturing nothing, one with a block body) are called between
// awaits.
import { Timer, Duration, log, task } from "outpost";

async function run(n: i32): Promise<i32> {
  const scale = (x: i32): i32 => {
    return x * 3 + 1;
  };
  const square = (x: i32): i32 => x * x;
  let acc = 0;
  for (let i = 1; i <= n; i++) {
    await Timer.after(Duration.millis(i));
    acc += scale(i) + square(i);
    log.infoInt("local-helpers acc", acc);
  }
  return acc;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("local-helpers result", await run(3));
});

export function main(): void {
  user.spawn();
}
