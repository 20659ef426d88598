// Parity program (test/parity/): a Mutex waiter whose timeout falls due at
// the instant the holder unlocks, and a tryLock made by a third task at
// that instant: the mutex goes to one owner only and is free at the end.
import { Timer, Duration, Mutex, withTimeout, log, task } from "outpost";

const m = new Mutex(4, "m");

export const holder = task(1, async (): Promise<void> => {
  await m.lock();
  await Timer.after(Duration.millis(10));
  m.unlock();
  log.infoInt("mutex-handoff-timeout unlocked", m.isLocked() ? 1 : 0);
});

export const waiter = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(10), m.lock());
  await t;
  log.infoInt("mutex-handoff-timeout waiter timed out", t.timedOut ? 1 : 0);
  if (!t.timedOut) {
    await Timer.after(Duration.millis(1));
    m.unlock();
  }
  log.infoInt("mutex-handoff-timeout waiter locked after", m.isLocked() ? 1 : 0);
});

export const grabber = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(10));
  const got = m.tryLock();
  log.infoInt("mutex-handoff-timeout grabbed", got ? 1 : 0);
  if (got) m.unlock();
  await Timer.after(Duration.millis(5));
  log.infoInt("mutex-handoff-timeout end locked", m.isLocked() ? 1 : 0);
});

export function main(): void {
  holder.spawn();
  waiter.spawn();
  grabber.spawn();
}
