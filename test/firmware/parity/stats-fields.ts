// Parity program (test/parity/): a statistics object's fields (an i32, an
// i64, a bool, a Mutex) are read in log templates and into locals kept
// across awaits. AssemblyScript needs each field's type written: without
// one the build says which to write.
import { Timer, Duration, Mutex, log, task } from "outpost";

class Stats {
  count: i32 = 0;
  last: i64 = 0;
  ok: bool = true;
  readonly lock: Mutex = new Mutex(4, "stats");
}

const stats = new Stats();

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await stats.lock.lock();
    const before = stats.count;
    await Timer.after(Duration.millis(1));
    stats.count = before + 2;
    stats.last = <i64>stats.count * 1_000_000_000;
    stats.ok = i != 1;
    log.info(`stats-fields count=${stats.count} last=${stats.last} ok=${stats.ok} locked=${stats.lock.isLocked()}`);
    stats.lock.unlock();
  }
});

export function main(): void {
  user.spawn();
}
