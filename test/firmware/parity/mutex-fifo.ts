// Parity program (test/parity/): a Mutex held across awaits is handed to
// its waiters oldest first, and a lock cancelled by a timeout is never
// granted.
import { Timer, Duration, Mutex, withTimeout, log, task } from "outpost";

const bus = new Mutex(4, "bus");

export const user = task(3, async (id: i32): Promise<void> => {
  await Timer.after(Duration.millis(id));
  await bus.lock();
  log.infoInt("mutex-fifo locked", id);
  await Timer.after(Duration.millis(5));
  log.infoInt("mutex-fifo unlocking", id);
  bus.unlock();
});

export const impatient = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  const t = withTimeout(Duration.millis(2), bus.lock());
  await t;
  log.infoInt("mutex-fifo impatient timed out", t.timedOut ? 1 : 0);
  if (!t.timedOut) bus.unlock();
});

export function main(): void {
  user.spawn(1);
  user.spawn(3);
  user.spawn(4);
  impatient.spawn();
}
