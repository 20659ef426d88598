// Parity program (test/parity/): an async generator that catches a read error, yields a marker and goes on, then throws a fatal error that reaches the consumer's catch after the generator's awaiting finally.
import { Timer, Duration, log, task } from "outpost";

class ReadError extends Error {
  constructor() {
    super("agen-throw-retry read");
  }
}
class FatalError extends Error {
  constructor() {
    super("agen-throw-retry fatal");
  }
}

let reads: i32 = 0;

async function readPacket(): Promise<i32> {
  await Timer.after(Duration.millis(2));
  reads++;
  if (reads == 2 || reads == 4) throw new ReadError();
  if (reads == 6) throw new FatalError();
  return reads * 10;
}

async function* packets(): AsyncGenerator<i32> {
  let errors: i32 = 0;
  try {
    while (true) {
      try {
        yield await readPacket();
      } catch (e) {
        if (e instanceof FatalError) throw e;
        errors++;
        yield -errors;
      }
    }
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("agen-throw-retry generator closed after errors", errors);
  }
}

export const user = task(1, async (): Promise<void> => {
  let sum: i32 = 0;
  try {
    for await (const p of packets()) {
      log.infoInt("agen-throw-retry packet", p);
      sum += p;
    }
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("agen-throw-retry sum", sum);
});

export function main(): void {
  user.spawn();
}
