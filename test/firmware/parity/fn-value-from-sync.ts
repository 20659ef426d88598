// Parity program (test/parity/): a sync function returns a named async function as a value after init, which allocates nothing (the value is made at init).
import { Timer, Duration, log, task } from "outpost";

async function negate(ev: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return -ev;
}

function pick(): (ev: i32) => Promise<i32> {
  return negate;
}

export const user = task(1, async (): Promise<void> => {
  const h = pick();
  log.infoInt("fn-value-from-sync", await h(3));
});

export function main(): void {
  user.spawn();
}
