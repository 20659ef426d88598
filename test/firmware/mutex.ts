// Mutex: FIFO hand-off and cancellation. "holder" locks at 0 and unlocks at
// 10 ms, then at once tries to lock again ("holder relock 0": the mutex was
// handed to the oldest waiter, not freed). Lockers arrive in an order unlike
// their ids: w4 at 1 ms, w2 at 2, w1 at 3, w3 at 4; each holds 1 ms. They
// must acquire in arrival order: w4 at 10, w2 at 11, w1 at 12, w3 at 13.
// w5 arrives at 5 ms with withTimeout(3 ms, lock()): times out at 8 ms and
// never acquires. w6 arrives at 6 ms with select(timer at 14 ms, lock()):
// at 14 ms w3 hands it the mutex, but the timer branch comes first, so the
// granted lock is cancelled and the mutex goes on to w7 (arrived at 7 ms).
import { Task, TaskPool, Timer, Duration, Instant, Mutex, MutexLock, WithTimeout, Select2, log } from "outpost";

const mutex = new Mutex(8, "bus");

class Holder extends Task {
  timer: Timer = new Timer();
  step: i32 = 0;
  poll(): bool {
    if (this.step == 0) {
      log.infoInt("holder locked", mutex.tryLock() ? 1 : 0);
      this.timer.at(10_000);
      this.step = 1;
    }
    if (!this.timer.poll()) return false;
    mutex.unlock();
    log.infoInt("holder relock", mutex.tryLock() ? 1 : 0);
    return true;
  }
}

/** mode 0: lock(); 1: withTimeout(3 ms, lock()); 2: select(timer at 14 ms, lock()). */
class Locker extends Task {
  label: string = "";
  // Log labels, made at init (joining strings in a poll would allocate).
  timedOutLabel: string = "";
  winnerLabel: string = "";
  lockedLabel: string = "";
  acquiredLabel: string = "";
  arrive: i64 = 0;
  mode: i32 = 0;
  step: i32 = 0;
  timer: Timer = new Timer();
  lock: MutexLock | null = null;
  timeout: WithTimeout<MutexLock> = new WithTimeout<MutexLock>();
  race: Select2<Timer, MutexLock> = new Select2<Timer, MutexLock>();

  poll(): bool {
    while (true) {
      switch (this.step) {
        case 0:
          this.timer.at(this.arrive);
          this.step = 1;
        case 1:
          if (!this.timer.poll()) return false;
          this.lock = mutex.lock();
          if (this.mode == 1) this.timeout.of(Duration.millis(3), this.lock!);
          if (this.mode == 2) this.race.of(this.timer.at(14_000), this.lock!);
          this.step = 2;
        case 2:
          if (this.mode == 0) {
            if (!this.lock!.poll()) return false;
          } else if (this.mode == 1) {
            if (!this.timeout.poll()) return false;
            log.infoInt(this.timedOutLabel, this.timeout.timedOut ? 1 : 0);
            return true;
          } else {
            if (!this.race.poll()) return false;
            log.infoInt(this.winnerLabel, this.race.value);
            log.infoInt(this.lockedLabel, mutex.isLocked() ? 1 : 0);
            return true;
          }
          log.infoInt(this.acquiredLabel, Instant.now());
          this.timer.after(Duration.millis(1));
          this.step = 3;
        case 3:
          if (!this.timer.poll()) return false;
          mutex.unlock();
          return true;
      }
    }
  }
}

const holders = new TaskPool<Holder>("holder", 1);
const lockers = new TaskPool<Locker>("locker", 7);

function locker(label: string, arrive: i64, mode: i32): void {
  const l = lockers.spawn();
  l.label = label;
  l.timedOutLabel = label + " timedOut";
  l.winnerLabel = label + " winner";
  l.lockedLabel = label + " locked";
  l.acquiredLabel = label + " acquired";
  l.arrive = arrive;
  l.mode = mode;
}

export function main(): void {
  holders.spawn();
  locker("w1", 3_000, 0);
  locker("w2", 2_000, 0);
  locker("w3", 4_000, 0);
  locker("w4", 1_000, 0);
  locker("w5", 5_000, 1);
  locker("w6", 6_000, 2);
  locker("w7", 7_000, 0);
}
