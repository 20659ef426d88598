// Parity program (test/parity/): cancelling a call while a select inside it
// waits for its loser's cleanup lets that cleanup finish; the call's own
// finally runs after it, and the timeout that cancelled the call completes
// last.
import { Timer, Duration, select, withTimeout, log, task } from "outpost";

async function job(): Promise<void> {
  try {
    await Timer.after(Duration.millis(100));
  } finally {
    log.infoInt("cleanup-cancelled cleanup start", 1);
    await Timer.after(Duration.millis(20));
    log.infoInt("cleanup-cancelled cleanup end", 1);
  }
}

async function guarded(): Promise<i32> {
  try {
    return await select(job(), Timer.after(Duration.millis(5)));
  } finally {
    log.infoInt("cleanup-cancelled guarded finally", 2);
  }
}

export const user = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(10), guarded());
  await t;
  log.infoInt("cleanup-cancelled timed out", t.timedOut ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
