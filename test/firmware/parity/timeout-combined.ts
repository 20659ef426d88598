// Parity program (test/parity/): withTimeout around a select and around a
// join: t.inner!.value is the select's winner index, the branches' kept
// futures hold their values when the timeout did not fire, and a timed
// out join's branches run their finally blocks before the code after it.
import { Timer, Duration, select, join, withTimeout, log, task } from "outpost";

async function slow(ms: i32, v: i64): Promise<i64> {
  try {
    await Timer.after(Duration.millis(ms));
    return v;
  } finally {
    log.infoInt("timeout-combined finally", ms);
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const a = slow(3 - i, 1_000_000_000_000);
    const b = slow(2, -7);
    const t = withTimeout(Duration.millis(5), select(a, b));
    await t;
    const w = t.inner!.value;
    log.info(`timeout-combined select ${i} ${t.timedOut} w=${w} v=${w == 0 ? a.value : b.value}`);
  }
  for (let i = 0; i < 2; i++) {
    const c = slow(2, 40);
    const d = slow(4 + i * 4, 2);
    const t = withTimeout(Duration.millis(6), join(c, d));
    await t;
    if (t.timedOut) log.infoInt("timeout-combined join timed out", i);
    else log.info(`timeout-combined join ${c.value + d.value}`);
  }
});

export function main(): void {
  user.spawn();
}
