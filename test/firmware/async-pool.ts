// Test firmware for test/lower/tasks.test.ts: a task pool of 2 with typed
// spawn arguments; trySpawn reports a full pool; a third spawn panics
// POOL_FULL naming the task and its size.
import { Timer, Duration, log, task } from "outpost";

export const worker = task(2, async (id: i32, delay: Duration): Promise<void> => {
  log.infoInt("start", id);
  await Timer.after(delay);
  log.infoInt("end", id);
});

export const spawner = task(1, async (): Promise<void> => {
  worker.spawn(1, Duration.millis(10));
  worker.spawn(2, Duration.millis(20));
  log.infoInt("running", worker.running());
  log.infoInt("trySpawn", worker.trySpawn(3, Duration.millis(5)) === null ? 0 : 1);
  await Timer.after(Duration.millis(15));
  // Slot 1 finished at 10 ms: it is reused.
  log.infoInt("trySpawn", worker.trySpawn(4, Duration.millis(5)) === null ? 0 : 1);
  worker.spawn(5, Duration.millis(5));
});

export function main(): void {
  spawner.spawn();
}
