// Parity program (test/parity/): an error thrown in a finally block after
// an await replaces the error its try block threw, and a catch block that
// throws a different error after an await still runs its finally block.
import { Timer, Duration, log, task } from "outpost";

class First extends Error {
  constructor() {
    super("finally-throw first");
  }
}
class Second extends Error {
  constructor() {
    super("finally-throw second");
  }
}

async function replace(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(1));
    throw new First();
  } finally {
    await Timer.after(Duration.millis(2));
    log.infoInt("finally-throw cleanup", 1);
    throw new Second();
  }
}

async function translate(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(1));
    throw new First();
  } catch (e) {
    await Timer.after(Duration.millis(1));
    if (e instanceof First) throw new Second();
    return 0;
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("finally-throw translated", 2);
  }
}

export const user = task(1, async (): Promise<void> => {
  try {
    await replace();
  } catch (e) {
    log.info((e as Error).message);
    log.infoInt("finally-throw is second", e instanceof Second ? 1 : 0);
  }
  try {
    await translate();
  } catch (e) {
    log.info((e as Error).message);
  }
});

export function main(): void {
  user.spawn();
}
