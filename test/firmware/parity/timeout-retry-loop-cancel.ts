// Parity program (test/parity/): a retry loop with a catch-all, run under withTimeout, is cancelled at the deadline without its catch swallowing the cancellation, and its finally blocks run.
import { Timer, Duration, withTimeout, log, task } from "outpost";

let attempts: i32 = 0;

async function attempt(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(4));
    attempts++;
    throw new Error("timeout-retry-loop-cancel nak");
  } finally {
    log.infoInt("timeout-retry-loop-cancel attempt finally", attempts);
  }
}

async function retryForever(): Promise<i32> {
  let n: i32 = 0;
  while (true) {
    try {
      return await attempt();
    } catch {
      n++;
      log.infoInt("timeout-retry-loop-cancel caught", n);
      await Timer.after(Duration.millis(1));
    } finally {
      log.infoInt("timeout-retry-loop-cancel loop finally", n);
    }
  }
}

async function outer(): Promise<i32> {
  try {
    return await retryForever();
  } catch (e) {
    log.info("timeout-retry-loop-cancel outer catch (never)");
    return -1;
  } finally {
    await Timer.after(Duration.millis(2));
    log.info("timeout-retry-loop-cancel outer finally");
  }
}

export const user = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(12), outer());
  await t;
  log.infoInt("timeout-retry-loop-cancel timed out", t.timedOut ? 1 : 0);
  log.infoInt("timeout-retry-loop-cancel attempts", attempts);
  const u = withTimeout(Duration.millis(11), outer());
  await u;
  log.infoInt("timeout-retry-loop-cancel timed out", u.timedOut ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
