// Parity program (test/parity/): a one-slot task that ends is spawned
// again from another task with new arguments; while it runs, trySpawn
// finds the pool full and returns null.
import { Timer, Duration, log, task } from "outpost";

let finished = 0;

export const job = task(1, async (id: i32, ms: i32): Promise<void> => {
  log.infoInt("respawn job start", id);
  await Timer.after(Duration.millis(ms));
  finished++;
  log.infoInt("respawn job end", id);
});

export const boss = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 3; i++) {
    const t = job.trySpawn(i, i * 2);
    log.infoInt("respawn spawned", t == null ? 0 : i);
    await Timer.after(Duration.millis(3));
  }
  await Timer.after(Duration.millis(10));
  job.spawn(9, 1);
  await Timer.after(Duration.millis(2));
  log.infoInt("respawn finished", finished);
});

export function main(): void {
  boss.spawn();
}
