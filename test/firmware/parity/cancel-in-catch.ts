// Parity program (test/parity/): a timeout that cancels a call while it
// awaits inside its catch block runs its finally block and drops the
// caught error: the caller sees only the timeout.
import { Timer, Duration, withTimeout, log, task } from "outpost";

async function work(): Promise<void> {
  try {
    await Timer.after(Duration.millis(2));
    throw new Error("cancel-in-catch failed");
  } catch (e) {
    log.info((e as Error).message);
    await Timer.after(Duration.millis(20));
    log.infoInt("cancel-in-catch never", 0);
  } finally {
    log.infoInt("cancel-in-catch finally", 1);
  }
  log.infoInt("cancel-in-catch never after", 0);
}

export const user = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(5), work());
  await t;
  log.infoInt("cancel-in-catch timed out", t.timedOut ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
