// Parity program (test/parity/): a catch block that handles one error
// class and rethrows any other (`if (!(e instanceof Timeout)) throw e;`)
// after an await lets the others reach the outer catch.
import { Timer, Duration, log, task } from "outpost";

class Timeout extends Error {
  constructor() {
    super("rethrow-filter timeout");
  }
}
class Broken extends Error {
  constructor() {
    super("rethrow-filter broken");
  }
}

async function io(kind: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (kind == 1) throw new Timeout();
  if (kind == 2) throw new Broken();
  return 7;
}

async function tolerant(kind: i32): Promise<i32> {
  try {
    return await io(kind);
  } catch (e) {
    await Timer.after(Duration.millis(1));
    if (!(e instanceof Timeout)) throw e;
    log.infoInt("rethrow-filter tolerated", kind);
    return 0;
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let kind = 0; kind < 3; kind++) {
    try {
      log.infoInt("rethrow-filter result", await tolerant(kind));
    } catch (e) {
      log.info(`rethrow-filter outer ${(e as Error).message}`);
    }
  }
});

export function main(): void {
  user.spawn();
}
