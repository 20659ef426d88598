// Parity program (test/parity/): a task body that ends by `return` inside
// try/finally (the finally awaiting) frees its pool slot only after the
// finally, so a respawn waits for it.
import { Timer, Duration, log, task } from "outpost";

export const job = task(1, async (id: i32, stop: i32): Promise<void> => {
  try {
    for (let i = 0; i < 10; i++) {
      await Timer.after(Duration.millis(1));
      if (i == stop) {
        log.infoInt("task-return-finally returning", id * 10 + i);
        return;
      }
    }
    log.infoInt("task-return-finally fell through", id);
  } finally {
    log.infoInt("task-return-finally finally", id);
    await Timer.after(Duration.millis(2));
    log.infoInt("task-return-finally finally done", id);
  }
});

export const boss = task(1, async (): Promise<void> => {
  job.spawn(1, 2);
  for (let t = 0; t < 8; t++) {
    await Timer.after(Duration.millis(1));
    log.infoInt("task-return-finally running", t * 10 + job.running());
  }
  job.spawn(2, 20);
  await Timer.after(Duration.millis(15));
  log.infoInt("task-return-finally end", job.running());
});

export function main(): void {
  boss.spawn();
}
