// Parity program (test/parity/): an error thrown in the body of a for await loop closes the async generator (its finally awaits) before the caller's catch runs; the same with a sync generator in for-of.
import { Timer, Duration, log, task } from "outpost";

class OverrunError extends Error {
  constructor() {
    super("stream-body-throw overrun");
  }
}

async function* samples(n: i32): AsyncGenerator<i32> {
  try {
    for (let i = 0; i < n; i++) {
      await Timer.after(Duration.millis(2));
      yield i * 7;
    }
  } finally {
    await Timer.after(Duration.millis(3));
    log.info("stream-body-throw stream closed");
  }
}

function* ids(n: i32): Generator<i32> {
  try {
    for (let i = 0; i < n; i++) yield i;
  } finally {
    log.info("stream-body-throw ids closed");
  }
}

async function consume(limit: i32): Promise<i32> {
  let total: i32 = 0;
  try {
    for await (const s of samples(5)) {
      total += s;
      if (total > limit) throw new OverrunError();
      log.infoInt("stream-body-throw sample", s);
    }
  } finally {
    log.infoInt("stream-body-throw consume finally", total);
  }
  return total;
}

async function scan(): Promise<i32> {
  let found: i32 = -1;
  for (const id of ids(10)) {
    await Timer.after(Duration.millis(1));
    if (id == 3) throw new OverrunError();
    found = id;
  }
  return found;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("stream-body-throw total", await consume(1000));
  try {
    log.infoInt("stream-body-throw total", await consume(20));
  } catch (e) {
    log.info((e as Error).message);
  }
  try {
    log.infoInt("stream-body-throw scan", await scan());
  } catch (e) {
    log.infoInt("stream-body-throw scan failed", e instanceof OverrunError ? 1 : 0);
  }
});

export function main(): void {
  user.spawn();
}
