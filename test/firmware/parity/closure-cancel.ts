// Parity program (test/parity/): an async closure call that loses a select
// is cancelled: its finally block runs, and it can be called again later.
import { Timer, Duration, select, log, task } from "outpost";

export const user = task(1, async (): Promise<void> => {
  let runs = 0;
  const slow = async (ms: i32): Promise<i32> => {
    runs++;
    try {
      await Timer.after(Duration.millis(ms));
      return ms;
    } finally {
      log.infoInt("closure-cancel finally", ms);
    }
  };
  const w = await select(slow(10), Timer.after(Duration.millis(3)));
  log.infoInt("closure-cancel winner", w);
  log.infoInt("closure-cancel again", await slow(2));
  log.infoInt("closure-cancel runs", runs);
});

export function main(): void {
  user.spawn();
}
