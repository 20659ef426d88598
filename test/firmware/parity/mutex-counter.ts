// Parity program (test/parity/): three tasks update a shared counter under
// a Mutex with awaits inside the critical section: no update is lost and
// the lock passes in the order the tasks asked for it.
import { Timer, Duration, Mutex, log, task } from "outpost";

const guard = new Mutex(4, "guard");
let counter = 0;

export const worker = task(3, async (id: i32, rounds: i32): Promise<void> => {
  for (let r = 0; r < rounds; r++) {
    await guard.lock();
    try {
      const seen = counter;
      await Timer.after(Duration.millis(id));
      counter = seen + 1;
      log.infoInt("mutex-counter wrote", id * 100 + counter);
    } finally {
      guard.unlock();
    }
    await Timer.after(Duration.millis(1));
  }
});

export function main(): void {
  worker.spawn(1, 3);
  worker.spawn(2, 2);
  worker.spawn(3, 2);
}
