// Parity program (test/parity/): Error subclasses built with constant
// arguments, and a module-level error created at init, are told apart with
// instanceof in catch.
import { Timer, Duration, log, task } from "outpost";

class BusyError extends Error {
  constructor(public code: i32) {
    super("error-classes busy");
  }
}

class TimeoutError extends Error {
  constructor() {
    super("error-classes timeout");
  }
}

const E_BUSY = new BusyError(3);

async function op(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (i == 1) throw E_BUSY;
  if (i == 2) throw new TimeoutError();
  if (i == 3) throw new Error("error-classes plain");
  return i;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    try {
      log.infoInt("error-classes ok", await op(i));
    } catch (e) {
      if (e instanceof BusyError) log.infoInt("error-classes busy code", (e as BusyError).code);
      else if (e instanceof TimeoutError) log.info((e as Error).message);
      else log.info("error-classes other " + (e as Error).message);
      log.infoInt("error-classes is E_BUSY", e === E_BUSY ? 1 : 0);
    }
  }
});

export function main(): void {
  user.spawn();
}
