// Parity program (test/parity/): a select of a join and a withTimeout,
// inside a loop inside try/finally, decides differently each iteration, and
// cancelled branches clean up before the next iteration starts.
import { Timer, Duration, select, join, withTimeout, log, task } from "outpost";

async function work(id: i32, ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    log.infoInt("combinator-nest-loop done", id);
    return id;
  } finally {
    log.infoInt("combinator-nest-loop work finally", id);
  }
}

async function guarded(id: i32, ms: i32, limit: i32): Promise<i32> {
  const t = withTimeout(Duration.millis(limit), work(id, ms));
  await t;
  return t.timedOut ? -id : id;
}

export const user = task(1, async (): Promise<void> => {
  let score = 0;
  try {
    for (let i = 0; i < 4; i++) {
      const j = join(work(10 + i, 2 + i), work(20 + i, 3));
      const g = guarded(30 + i, 5 - i, 4);
      const w = await select(j, g);
      log.infoInt("combinator-nest-loop winner", i * 10 + w);
      if (w == 1) score += g.value;
      else score += 1000;
      log.infoInt("combinator-nest-loop score", score);
    }
  } finally {
    log.infoInt("combinator-nest-loop outer finally", score);
  }
});

export function main(): void {
  user.spawn();
}
