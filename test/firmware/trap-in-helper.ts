// A sync helper called from an async function divides by zero: the trap
// names the functions that were running.
import { Duration, Timer, log, task } from "outpost";

let divisor = 0;

function ratio(a: i32, b: i32): i32 {
  return a / b;
}

async function measure(): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return ratio(10, divisor);
}

export const sampler = task(1, async (): Promise<void> => {
  log.infoInt("ratio", await measure());
});

export function main(): void {
  sampler.spawn();
}
