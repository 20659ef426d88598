// Parity program (test/parity/): combinators nested in each other (a join
// of a select and a withTimeout, a select of two joins) finish with the
// results and cancellations each level decides.
import { Timer, Duration, select, join, withTimeout, log, task } from "outpost";

async function work(id: i32, ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    log.infoInt("nested-combinators done", id);
    return id;
  } finally {
    log.infoInt("nested-combinators finally", id);
  }
}

export const user = task(1, async (): Promise<void> => {
  const s = select(work(1, 5), work(2, 3));
  const t = withTimeout(Duration.millis(4), work(3, 6));
  await join(s, t);
  log.infoInt("nested-combinators select won", s.value);
  log.infoInt("nested-combinators timed out", t.timedOut ? 1 : 0);
  const a = join(work(4, 2), work(5, 4));
  const b = join(work(6, 1), work(7, 7));
  const w = await select(a, b);
  log.infoInt("nested-combinators join won", w);
});

export function main(): void {
  user.spawn();
}
