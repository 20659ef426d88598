// Parity program (test/parity/): select and withTimeout cancel the losing
// async call, whose finally block runs before the select completes.
import { Timer, Duration, log, task, select, withTimeout } from "outpost";

async function job(id: i32, ms: i32): Promise<i32> {
  log.infoInt("select-finally job start", id);
  try {
    await Timer.after(Duration.millis(ms));
    log.infoInt("select-finally job end", id);
    return id;
  } finally {
    log.infoInt("select-finally job finally", id);
  }
}

async function twoStep(id: i32): Promise<void> {
  try {
    await Timer.after(Duration.millis(3));
    log.infoInt("select-finally step one", id);
    await Timer.after(Duration.millis(3));
    log.infoInt("select-finally step two", id);
  } finally {
    log.infoInt("select-finally two-step finally", id);
  }
}

export const racer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 4; i++) {
    const w = await select(job(i, i * 5), Timer.after(Duration.millis(12)));
    log.infoInt("select-finally winner", w);
  }
  const t = withTimeout(Duration.millis(4), twoStep(7));
  await t;
  log.infoInt("select-finally timed out", t.timedOut ? 1 : 0);
  const u = withTimeout(Duration.millis(10), twoStep(8));
  await u;
  log.infoInt("select-finally timed out", u.timedOut ? 1 : 0);
});

export const ticker = task(1, async (): Promise<void> => {
  for (let i = 0; i < 8; i++) {
    await Timer.after(Duration.millis(7));
    log.infoInt("select-finally tick", i);
  }
});

export function main(): void {
  racer.spawn();
  ticker.spawn();
}
