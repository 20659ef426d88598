// Parity program (test/parity/): a catch block's error variable stays the
// caught error across awaits in the catch block, is told apart with
// instanceof after them, and is rethrown after an await.
import { Timer, Duration, log, task } from "outpost";

class BusError extends Error {
  constructor(public code: i32) {
    super("catch-var-await bus error");
  }
}

async function fail(kind: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (kind == 1) throw new BusError(7);
  if (kind == 2) throw new Error("catch-var-await plain error");
  return kind;
}

async function handle(kind: i32): Promise<i32> {
  try {
    return await fail(kind);
  } catch (e) {
    await Timer.after(Duration.millis(2));
    if (e instanceof BusError) {
      log.infoInt("catch-var-await bus code", (e as BusError).code);
      return -1;
    }
    await Timer.after(Duration.millis(3));
    log.info((e as Error).message);
    throw e;
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let k = 0; k < 3; k++) {
    try {
      log.infoInt("catch-var-await result", await handle(k));
    } catch (e) {
      await Timer.after(Duration.millis(1));
      log.info(`catch-var-await outer ${(e as Error).message}`);
    }
  }
});

export function main(): void {
  user.spawn();
}
