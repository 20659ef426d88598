// Parity program (test/parity/): a join whose other branch fails cancels a
// branch waiting for a Mutex; the cancelled waiter never owns the mutex,
// which goes to the next waiter when the holder unlocks.
import { Timer, Duration, Mutex, join, log, task } from "outpost";

const m = new Mutex(4, "m");

class Job {
  async locked(id: i32): Promise<i32> {
    await m.lock();
    try {
      log.infoInt("join-cancel-lock owner", id);
      await Timer.after(Duration.millis(2));
      return id;
    } finally {
      m.unlock();
    }
  }
  async failing(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(ms));
    throw new Error("join-cancel-lock failed");
  }
}

const job = new Job();

export const holder = task(1, async (): Promise<void> => {
  await m.lock();
  await Timer.after(Duration.millis(6));
  m.unlock();
  log.infoInt("join-cancel-lock holder released", 0);
});

export const user = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  try {
    const a = job.locked(1);
    const b = job.failing(3);
    await join(a, b);
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("join-cancel-lock after", await job.locked(3));
});

export const other = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  log.infoInt("join-cancel-lock other", await job.locked(2));
});

export function main(): void {
  holder.spawn();
  user.spawn();
  other.spawn();
}
