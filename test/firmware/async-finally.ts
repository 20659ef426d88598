// Test firmware for test/lower/finally.test.ts: try/finally in async
// functions, run on normal exit, on return, on break/continue, and when the
// future is cancelled (a select loser, a timeout): async drop.
import { Timer, Duration, log, task, select, withTimeout } from "outpost";

function ms(n: i64): Duration {
  return Duration.millis(n);
}

/** Holds a "resource" for `hold` ms; its finally releases it however the call ends. */
async function guarded(label: i32, hold: i64): Promise<i32> {
  log.infoInt("acquire", label);
  try {
    await Timer.after(ms(hold));
    log.infoInt("used", label);
    return label * 2;
  } finally {
    log.infoInt("release", label);
  }
}

/** Nested try blocks: cancelled in the inner one, both finally blocks run, inner first. */
async function layered(label: i32): Promise<void> {
  try {
    await Timer.after(ms(5));
    try {
      log.infoInt("inner", label);
      await Timer.after(ms(100));
    } finally {
      log.infoInt("inner finally", label);
    }
  } finally {
    log.infoInt("outer finally", label);
  }
}

/** break and continue leave try blocks through their finally. */
async function loops(): Promise<i32> {
  let n = 0;
  for (let i = 0; i < 5; i++) {
    try {
      await Timer.after(ms(1));
      if (i == 1) continue;
      if (i == 3) break;
      n += 10;
    } finally {
      n += 1;
      log.infoInt("loop finally", i);
    }
  }
  return n;
}

/** A guarded call inside another: cancelling the outer cancels the inner (both finally blocks run). */
async function outer(label: i32): Promise<void> {
  try {
    await guarded(label, 1000);
  } finally {
    log.infoInt("outer release", label);
  }
}

export const drop = task(1, async (): Promise<void> => {
  log.infoInt("normal", await guarded(1, 10));
  // The timer wins: the guarded call is cancelled and its finally runs before the select completes.
  const w = await select(guarded(2, 100), Timer.after(ms(30)));
  log.infoInt("select", w);
  const w2 = await select(guarded(3, 10), Timer.after(ms(30)));
  log.infoInt("select", w2);
  await select(layered(4), Timer.after(ms(20)));
  log.info("layered cancelled");
  log.infoInt("loops", await loops());
  const t = withTimeout(ms(50), outer(5));
  await t;
  log.infoInt("timed out", t.timedOut ? 1 : 0);
  log.info("done");
});

export function main(): void {
  drop.spawn();
}
