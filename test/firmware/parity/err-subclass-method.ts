// Parity program (test/parity/): custom Error subclasses thrown from async methods are told apart by instanceof in the caller.
import { Timer, Duration, log, task } from "outpost";

class SensorError extends Error {
  constructor(public code: i32) {
    super("err-subclass-method sensor");
  }
}

class CrcError extends SensorError {
  constructor() {
    super(7);
  }
}

class Sensor {
  reads: i32 = 0;
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(3));
    this.reads++;
    if (this.reads == 2) throw new CrcError();
    if (this.reads == 4) throw new SensorError(9);
    return this.reads * 100;
  }
}

const s = new Sensor();

async function poll(): Promise<i32> {
  try {
    return await s.read();
  } catch (e) {
    if (e instanceof CrcError) {
      log.infoInt("err-subclass-method crc code", (e as CrcError).code);
      return -1;
    }
    throw e;
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 5; i++) {
    try {
      log.infoInt("err-subclass-method value", await poll());
    } catch (e) {
      log.infoInt("err-subclass-method outer is sensor", e instanceof SensorError ? 1 : 0);
      log.infoInt("err-subclass-method outer is crc", e instanceof CrcError ? 1 : 0);
      log.infoInt("err-subclass-method code", (e as SensorError).code);
    }
  }
});

export function main(): void {
  user.spawn();
}
