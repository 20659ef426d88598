// Parity program (test/parity/): a call that finishes at exactly the
// instant its timeout falls due, and one that finishes a microsecond
// before or after: which of the two wins is the same as in the model.
import { Timer, Duration, withTimeout, log, task } from "outpost";

async function op(us: i32): Promise<i32> {
  await Timer.after(Duration.micros(us));
  log.infoInt("timeout-edge op done", us);
  return us;
}

export const user = task(1, async (): Promise<void> => {
  const cases: i32 = 3;
  for (let i = 0; i < cases; i++) {
    const t = withTimeout(Duration.micros(5000), op(4999 + i));
    await t;
    log.infoInt("timeout-edge timed out", t.timedOut ? 1 : 0);
  }
});

export function main(): void {
  user.spawn();
}
