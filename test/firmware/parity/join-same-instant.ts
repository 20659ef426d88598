// Parity program (test/parity/): branches of a join that finish at the same
// instant log in branch order, and the code after the join runs once, at
// that instant, after all of them.
import { Timer, Duration, join, join3, log, task } from "outpost";

async function leg(id: i32, a: i32, b: i32): Promise<i32> {
  await Timer.after(Duration.millis(a));
  log.infoInt("join-same-instant mid", id);
  await Timer.after(Duration.millis(b));
  log.infoInt("join-same-instant end", id);
  return id;
}

export const user = task(1, async (): Promise<void> => {
  const x = leg(1, 3, 2);
  const y = leg(2, 1, 4);
  await join(x, y);
  log.infoInt("join-same-instant joined", x.value * 10 + y.value);
  const p = leg(3, 2, 2);
  const q = leg(4, 4, 0);
  const r = leg(5, 1, 3);
  await join3(p, q, r);
  log.infoInt("join-same-instant joined3", p.value + q.value + r.value);
});

export const other = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(5));
  log.infoInt("join-same-instant other", 5);
});

export function main(): void {
  user.spawn();
  other.spawn();
}
