// Parity program (test/parity/): `return await f()` inside a try in a
// loop, whose catch retries and whose finally awaits, returns the first
// success after the finally of that attempt has run.
import { Timer, Duration, log, task } from "outpost";

let failures = 0;

async function flaky(attempt: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (failures > 0) {
    failures--;
    throw new Error("retry-return flaky");
  }
  return attempt * 7;
}

async function fetch(budget: i32): Promise<i32> {
  for (let attempt = 1; attempt <= budget; attempt++) {
    try {
      return await flaky(attempt);
    } catch (e) {
      log.infoInt("retry-return failed", attempt);
      continue;
    } finally {
      await Timer.after(Duration.millis(1));
      log.infoInt("retry-return finally", attempt);
    }
  }
  return -1;
}

export const user = task(1, async (): Promise<void> => {
  failures = 2;
  log.infoInt("retry-return got", await fetch(5));
  failures = 4;
  log.infoInt("retry-return gave up", await fetch(3));
});

export function main(): void {
  user.spawn();
}
