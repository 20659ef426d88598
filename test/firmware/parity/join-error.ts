// Parity program (test/parity/): an error in one branch of a join fails the
// join; the branch still pending is cancelled (its finally runs) before the
// await re-throws.
import { Timer, Duration, join, log, task } from "outpost";

async function slow(): Promise<void> {
  try {
    await Timer.after(Duration.millis(20));
    log.infoInt("join-error slow done", 1);
  } finally {
    log.infoInt("join-error slow finally", 1);
  }
}

async function failing(ms: i32): Promise<void> {
  await Timer.after(Duration.millis(ms));
  throw new Error("join-error failed");
}

export const user = task(1, async (): Promise<void> => {
  try {
    await join(slow(), failing(5));
    log.infoInt("join-error never", 0);
  } catch (e) {
    log.info((e as Error).message);
  }
  try {
    await join(failing(1), failing(2));
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("join-error end", 1);
});

export function main(): void {
  user.spawn();
}
