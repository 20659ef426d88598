// Parity program (test/parity/): a Mutex held across awaits while one
// waiter gives up through withTimeout and another through select: the
// waiters that gave up never own it, and the one still waiting gets it.
import { Timer, Duration, Mutex, withTimeout, select, log, task } from "outpost";

const m = new Mutex(4, "m");

export const holder = task(1, async (): Promise<void> => {
  await m.lock();
  log.infoInt("mutex-timeout-waiter holder locked", 0);
  await Timer.after(Duration.millis(10));
  m.unlock();
  log.infoInt("mutex-timeout-waiter holder unlocked", m.isLocked() ? 1 : 0);
});

export const impatient = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  const t = withTimeout(Duration.millis(3), m.lock());
  await t;
  log.infoInt("mutex-timeout-waiter impatient timed out", t.timedOut ? 1 : 0);
  const w = await select(m.lock(), Timer.after(Duration.millis(2)));
  log.infoInt("mutex-timeout-waiter impatient select", w);
  await Timer.after(Duration.millis(10));
  log.infoInt("mutex-timeout-waiter impatient try", m.tryLock() ? 1 : 0);
  m.unlock();
});

export const patient = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  await m.lock();
  log.infoInt("mutex-timeout-waiter patient locked", 0);
  await Timer.after(Duration.millis(3));
  m.unlock();
  log.infoInt("mutex-timeout-waiter patient unlocked", m.isLocked() ? 1 : 0);
});

export function main(): void {
  holder.spawn();
  impatient.spawn();
  patient.spawn();
}
