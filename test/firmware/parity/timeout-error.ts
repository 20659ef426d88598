// Parity program (test/parity/): an error inside withTimeout before the
// deadline reaches the awaiting caller; past the deadline the failing call
// is cancelled and the timeout reports timedOut.
import { Timer, Duration, withTimeout, log, task } from "outpost";

async function failAfter(ms: i32): Promise<void> {
  await Timer.after(Duration.millis(ms));
  throw new Error("timeout-error failed");
}

export const user = task(1, async (): Promise<void> => {
  try {
    const t = withTimeout(Duration.millis(10), failAfter(2));
    await t;
    log.infoInt("timeout-error never", 0);
  } catch (e) {
    log.info((e as Error).message);
  }
  const u = withTimeout(Duration.millis(3), failAfter(8));
  await u;
  log.infoInt("timeout-error timed out", u.timedOut ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
