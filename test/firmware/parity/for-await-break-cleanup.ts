// Parity program (test/parity/): breaking out of `for await` over an async
// generator whose finally awaits waits for that cleanup before the loop's
// next statement, and the consumer's own finally runs after it.
import { Timer, Duration, log, task } from "outpost";

async function* sensor(id: i32): AsyncGenerator<i32> {
  try {
    for (let i = 1; ; i++) {
      await Timer.after(Duration.millis(2));
      yield id * 100 + i;
    }
  } finally {
    log.infoInt("for-await-break-cleanup powering down", id);
    await Timer.after(Duration.millis(3));
    log.infoInt("for-await-break-cleanup powered down", id);
  }
}

async function take(id: i32, n: i32): Promise<i32> {
  let last = 0;
  try {
    let k = 0;
    for await (const r of sensor(id)) {
      last = r;
      k++;
      if (k == n) break;
      await Timer.after(Duration.millis(1));
    }
    log.infoInt("for-await-break-cleanup after loop", last);
  } finally {
    log.infoInt("for-await-break-cleanup take finally", id);
  }
  return last;
}

export const user = task(1, async (): Promise<void> => {
  for (let id = 1; id <= 2; id++) log.infoInt("for-await-break-cleanup took", await take(id, id + 1));
});

export function main(): void {
  user.spawn();
}
