// Parity program (test/parity/): nested try/catch/finally blocks across
// awaits run their catch and finally blocks in JavaScript's order.
import { Timer, Duration, log, task } from "outpost";

async function fail(ms: i32): Promise<void> {
  await Timer.after(Duration.millis(ms));
  throw new Error("nested-try inner");
}

export const user = task(1, async (): Promise<void> => {
  try {
    try {
      log.infoInt("nested-try step", 1);
      await fail(2);
      log.infoInt("nested-try never", 0);
    } finally {
      log.infoInt("nested-try inner finally", 2);
      await Timer.after(Duration.millis(1));
      log.infoInt("nested-try inner finally done", 3);
    }
  } catch (e) {
    log.info((e as Error).message);
    try {
      await Timer.after(Duration.millis(3));
      log.infoInt("nested-try in catch", 4);
    } finally {
      log.infoInt("nested-try catch finally", 5);
    }
  } finally {
    log.infoInt("nested-try outer finally", 6);
  }
  log.infoInt("nested-try end", 7);
});

export function main(): void {
  user.spawn();
}
