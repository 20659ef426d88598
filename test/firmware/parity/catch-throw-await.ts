// Parity program (test/parity/): a catch block that awaits, then throws a
// new error, runs its finally block (which awaits too) before the outer
// catch sees the new error.
import { Timer, Duration, log, task } from "outpost";

async function fail(code: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (code > 0) throw new Error("catch-throw-await first");
  return 5;
}

async function wrap(code: i32): Promise<i32> {
  try {
    return await fail(code);
  } catch (e) {
    log.info((e as Error).message);
    await Timer.after(Duration.millis(2));
    throw new Error("catch-throw-await second");
  } finally {
    await Timer.after(Duration.millis(3));
    log.infoInt("catch-throw-await finally", code);
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let c = 0; c < 2; c++) {
    try {
      log.infoInt("catch-throw-await value", await wrap(c));
    } catch (e) {
      log.info((e as Error).message);
    }
  }
});

export function main(): void {
  user.spawn();
}
