// Parity program (test/parity/): a retry loop with a doubling back-off
// catches each failed attempt, waits, and returns the first success.
import { Timer, Duration, log, task } from "outpost";

let failuresLeft: i32 = 3;

async function attempt(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (failuresLeft > 0) {
    failuresLeft--;
    throw new Error("retry-backoff attempt failed");
  }
  return n * 10;
}

async function withRetry(tries: i32): Promise<i32> {
  let wait: i32 = 2;
  for (let n = 1; n <= tries; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      log.info((e as Error).message);
      await Timer.after(Duration.millis(wait));
      wait = wait * 2;
    }
  }
  return -1;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("retry-backoff got", await withRetry(5));
  failuresLeft = 4;
  log.infoInt("retry-backoff gave up", await withRetry(3));
});

export function main(): void {
  user.spawn();
}
