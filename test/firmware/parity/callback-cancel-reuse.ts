// Parity program (test/parity/): an async callback parameter raced in a
// select loses, runs its finally, and the same callback value is called
// again at once and runs to the end.
import { Timer, Duration, select, log, task } from "outpost";

let state = 0;

const slowOp = async (x: i32): Promise<i32> => {
  try {
    state = x;
    await Timer.after(Duration.millis(x));
    state = -x;
    return x * 2;
  } finally {
    log.infoInt("callback-cancel-reuse finally", x * 100 + state);
  }
};

async function race(op: (x: i32) => Promise<i32>, x: i32, limit: i32): Promise<i32> {
  const f = op(x);
  const w = await select(f, Timer.after(Duration.millis(limit)));
  if (w == 1) return -1;
  return f.value;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("callback-cancel-reuse raced", await race(slowOp, 5, 2));
  log.infoInt("callback-cancel-reuse again", await race(slowOp, 3, 4));
  log.infoInt("callback-cancel-reuse direct", await slowOp(1));
  log.infoInt("callback-cancel-reuse raced again", await race(slowOp, 4, 1));
});

export function main(): void {
  user.spawn();
}
