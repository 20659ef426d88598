// Parity program (test/parity/): a withTimeout around a loop that takes and
// releases a Mutex each step, timing out while the lock is held or while
// waiting for it, leaves the mutex free for the other task.
import { Timer, Duration, Mutex, withTimeout, log, task } from "outpost";

const m = new Mutex(4, "tml");
let steps = 0;

async function locked(n: i32): Promise<i32> {
  for (let i = 0; i < n; i++) {
    await m.lock();
    try {
      steps++;
      log.infoInt("timeout-mutex-loop step", steps);
      await Timer.after(Duration.millis(3));
    } finally {
      m.unlock();
      log.infoInt("timeout-mutex-loop unlocked", steps);
    }
    await Timer.after(Duration.millis(1));
  }
  return n;
}

export const user = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(10), locked(5));
  await t;
  log.infoInt("timeout-mutex-loop timed out", t.timedOut ? 1 : 0);
  log.infoInt("timeout-mutex-loop locked", m.isLocked() ? 1 : 0);
  const t2 = withTimeout(Duration.millis(20), locked(2));
  await t2;
  log.infoInt("timeout-mutex-loop second", t2.timedOut ? 1 : 0);
});

export const other = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(5));
  await m.lock();
  log.infoInt("timeout-mutex-loop other has it", 1);
  await Timer.after(Duration.millis(4));
  m.unlock();
  log.infoInt("timeout-mutex-loop other released", 1);
});

export function main(): void {
  user.spawn();
  other.spawn();
}
