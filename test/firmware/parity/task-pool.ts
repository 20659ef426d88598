// Parity program (test/parity/): a pool of workers spawned with arguments,
// yields between ready tasks, a return through finally, and a select whose
// async branch wins and whose timer is dropped.
import { Timer, Duration, Yield, log, task, select } from "outpost";

async function step(id: i32, n: i32): Promise<i32> {
  try {
    for (let i = 0; i < n; i++) {
      await Yield.now();
      log.infoInt("task-pool yield", id * 10 + i);
      if (i == 2) return i;
    }
    return -1;
  } finally {
    log.infoInt("task-pool step finally", id);
  }
}

export const worker = task(3, async (id: i32, delay: i32): Promise<void> => {
  await Timer.after(Duration.millis(delay));
  log.infoInt("task-pool worker", id);
  log.infoInt("task-pool step", await step(id, id + 1));
  const w = await select(step(id + 5, 2), Timer.after(Duration.millis(1)));
  log.infoInt("task-pool select", w);
});

export function main(): void {
  worker.spawn(1, 5);
  worker.spawn(2, 5);
  worker.spawn(3, 4);
}
