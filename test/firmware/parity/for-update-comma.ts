// Parity program (test/parity/): a for loop whose update is a comma list
// with an await (`i++, total += await f(i)`) and a while whose condition
// passes `i++` into an await run each part once per iteration, in order.
import { Timer, Duration, log, task } from "outpost";

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  log.infoInt("for-update-comma f", x);
  return x * 2;
}

async function below(x: i32, n: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  return x < n;
}

export const user = task(1, async (): Promise<void> => {
  let total = 0;
  for (let i = 0; i < 3; i++, total += await f(i)) log.infoInt("for-update-comma body", i);
  log.infoInt("for-update-comma total", total);
  let k = 0;
  while (await below(k++, 3)) log.infoInt("for-update-comma k", k);
  log.infoInt("for-update-comma k end", k);
});

export function main(): void {
  user.spawn();
}
