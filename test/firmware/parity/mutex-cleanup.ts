// Parity program (test/parity/): a Mutex held across awaits by a call that
// loses a select is released by its async cleanup; the task waiting for
// the mutex gets it only then.
import { Timer, Duration, Mutex, select, log, task } from "outpost";

const bus = new Mutex(4, "bus");

async function transfer(): Promise<void> {
  await bus.lock();
  log.infoInt("mutex-cleanup locked", 1);
  try {
    await Timer.after(Duration.millis(100));
  } finally {
    log.infoInt("mutex-cleanup flushing", 1);
    await Timer.after(Duration.millis(4));
    bus.unlock();
    log.infoInt("mutex-cleanup unlocked", 1);
  }
}

export const owner = task(1, async (): Promise<void> => {
  const w = await select(transfer(), Timer.after(Duration.millis(10)));
  log.infoInt("mutex-cleanup select done", w);
});

export const waiter = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  await bus.lock();
  log.infoInt("mutex-cleanup waiter locked", 2);
  bus.unlock();
});

export function main(): void {
  owner.spawn();
  waiter.spawn();
}
