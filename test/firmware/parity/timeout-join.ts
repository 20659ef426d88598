// Parity program (test/parity/): a withTimeout around a join cancels both
// branches when it falls due (each finally runs), and a join that finishes
// in time gives both values.
import { Timer, Duration, join, withTimeout, log, task } from "outpost";

async function part(id: i32, ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    log.infoInt("timeout-join part done", id);
    return id * 10;
  } finally {
    log.infoInt("timeout-join part finally", id);
  }
}

export const user = task(1, async (): Promise<void> => {
  const a = part(1, 2);
  const b = part(2, 8);
  const t = withTimeout(Duration.millis(5), join(a, b));
  await t;
  log.infoInt("timeout-join timed out", t.timedOut ? 1 : 0);
  const c = part(3, 1);
  const d = part(4, 2);
  const u = withTimeout(Duration.millis(5), join(c, d));
  await u;
  log.infoInt("timeout-join in time", u.timedOut ? 0 : c.value + d.value);
});

export function main(): void {
  user.spawn();
}
