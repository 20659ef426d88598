// Differential program (test/lower/differential.test.ts): select with
// timeouts and finally blocks that run when the loser is cancelled.
import { Timer, Duration, log, task, select, withTimeout } from "outpost";

async function job(id: i32, ms: i32): Promise<i32> {
  log.infoInt("job start", id);
  try {
    await Timer.after(Duration.millis(ms));
    log.infoInt("job end", id);
    return id;
  } finally {
    log.infoInt("job finally", id);
  }
}

async function twoStep(id: i32): Promise<void> {
  try {
    await Timer.after(Duration.millis(3));
    log.infoInt("step one", id);
    await Timer.after(Duration.millis(3));
    log.infoInt("step two", id);
  } finally {
    log.infoInt("two-step finally", id);
  }
}

export const racer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 4; i++) {
    const w = await select(job(i, i * 5), Timer.after(Duration.millis(12)));
    log.infoInt("winner", w);
  }
  const t = withTimeout(Duration.millis(4), twoStep(7));
  await t;
  log.infoInt("timed out", t.timedOut ? 1 : 0);
  const u = withTimeout(Duration.millis(10), twoStep(8));
  await u;
  log.infoInt("timed out", u.timedOut ? 1 : 0);
});

export const ticker = task(1, async (): Promise<void> => {
  for (let i = 0; i < 8; i++) {
    await Timer.after(Duration.millis(7));
    log.infoInt("tick", i);
  }
});

export function main(): void {
  racer.spawn();
  ticker.spawn();
}
