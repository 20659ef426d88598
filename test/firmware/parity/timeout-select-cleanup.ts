// Parity program (test/parity/): a withTimeout whose deadline falls while
// a select inside it is still waiting for its loser's awaiting finally lets
// that cleanup finish first; the operation's result is read only when it
// did not time out.
import { Timer, Duration, select, withTimeout, log, task } from "outpost";

async function slowClean(id: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(50));
    return id;
  } finally {
    log.infoInt("timeout-select-cleanup cleaning", id);
    await Timer.after(Duration.millis(6));
    log.infoInt("timeout-select-cleanup cleaned", id);
  }
}

async function pick(id: i32, ms: i32): Promise<i32> {
  const w = await select(slowClean(id), Timer.after(Duration.millis(ms)));
  log.infoInt("timeout-select-cleanup picked", id * 10 + w);
  return w;
}

export const user = task(1, async (): Promise<void> => {
  const op1 = pick(1, 2);
  const t1 = withTimeout(Duration.millis(4), op1);
  await t1;
  log.infoInt("timeout-select-cleanup first", t1.timedOut ? -1 : op1.value);
  const op2 = pick(2, 1);
  const t2 = withTimeout(Duration.millis(20), op2);
  await t2;
  log.infoInt("timeout-select-cleanup second", t2.timedOut ? -1 : op2.value);
});

export function main(): void {
  user.spawn();
}
