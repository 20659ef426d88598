// Parity program (test/parity/): a `while (true)` loop left by `break` or
// `return` after awaits, and a `for (;;)` with the test inside, as firmware
// main loops are written.
import { Timer, Duration, log, task } from "outpost";

let level = 0;

async function sample(): Promise<i32> {
  await Timer.after(Duration.millis(3));
  level += 2;
  return level;
}

async function waitAbove(limit: i32): Promise<i32> {
  let polls = 0;
  for (;;) {
    polls++;
    if ((await sample()) > limit) return polls;
  }
}

export const user = task(1, async (): Promise<void> => {
  let n = 0;
  while (true) {
    const v = await sample();
    n++;
    if (v >= 6) break;
    log.infoInt("while-true-break below", v);
  }
  log.infoInt("while-true-break after", n);
  log.infoInt("while-true-break polls", await waitAbove(12));
  log.infoInt("while-true-break level", level);
});

export function main(): void {
  user.spawn();
}
