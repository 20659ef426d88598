// Parity program (test/parity/): a finally block that awaits while an error
// is in flight (no catch) runs to its end, then the same error reaches the
// caller; a finally in a loop does so on the iteration that throws.
import { Timer, Duration, log, task } from "outpost";

async function fail(k: i32): Promise<void> {
  await Timer.after(Duration.millis(1));
  if (k == 2) throw new Error("finally-inflight boom");
}

async function guarded(): Promise<i32> {
  let done = 0;
  for (let k = 0; k < 4; k++) {
    try {
      await fail(k);
      done++;
    } finally {
      await Timer.after(Duration.millis(5));
      log.infoInt("finally-inflight cleanup", k);
    }
  }
  return done;
}

async function layered(): Promise<i32> {
  try {
    try {
      return await guarded();
    } finally {
      await Timer.after(Duration.millis(1));
      log.infoInt("finally-inflight inner finally", 1);
    }
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("finally-inflight outer finally", 2);
  }
}

export const user = task(1, async (): Promise<void> => {
  try {
    log.infoInt("finally-inflight never", await layered());
  } catch (e) {
    log.info((e as Error).message);
  }
});

export function main(): void {
  user.spawn();
}
