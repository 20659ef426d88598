// Parity program (test/parity/): a finally block that contains its own loop
// with awaits, `continue` and `break` (retrying a cleanup step) runs it
// fully, after a return and after an error, before either leaves.
import { Timer, Duration, log, task } from "outpost";

async function attempt(k: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  return k >= 2;
}

async function job(fail: bool): Promise<i32> {
  try {
    await Timer.after(Duration.millis(2));
    if (fail) throw new Error("finally-loop failed");
    return 10;
  } finally {
    for (let k = 0; k < 5; k++) {
      if (k == 0) continue;
      if (await attempt(k)) {
        log.infoInt("finally-loop cleaned at", k);
        break;
      }
      log.infoInt("finally-loop retry", k);
    }
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("finally-loop value", await job(false));
  try {
    log.infoInt("finally-loop never", await job(true));
  } catch (e) {
    log.info((e as Error).message);
  }
});

export function main(): void {
  user.spawn();
}
