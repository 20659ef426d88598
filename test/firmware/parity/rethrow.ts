// Parity program (test/parity/): an error caught, logged and rethrown
// after an await reaches the outer catch unchanged, through finally.
import { Timer, Duration, log, task } from "outpost";

class SensorError extends Error {
  constructor(message: string) {
    super(message);
  }
}

async function read(): Promise<i32> {
  await Timer.after(Duration.millis(2));
  throw new SensorError("rethrow no sensor");
}

async function readLogged(): Promise<i32> {
  try {
    return await read();
  } catch (e) {
    log.info("rethrow logged " + (e as Error).message);
    await Timer.after(Duration.millis(1));
    throw e;
  } finally {
    log.infoInt("rethrow finally", 1);
  }
}

export const user = task(1, async (): Promise<void> => {
  try {
    await readLogged();
  } catch (e) {
    log.infoInt("rethrow same class", e instanceof SensorError ? 1 : 0);
    log.info((e as Error).message);
  }
});

export function main(): void {
  user.spawn();
}
