// Parity program (test/parity/): a catch block awaits a cleanup before
// rethrowing the caught custom error, and an outer catch, after its own
// await, still tells the error apart and reads its fields.
import { Timer, Duration, log, task } from "outpost";

class SensorError extends Error {
  constructor(public channel: i32, public stamp: i64) {
    super("sensor");
  }
}

const STUCK = new SensorError(9, 9_000_000_000);

class Adc {
  resets: i32 = 0;
  async raw(ch: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    if (ch == 2) throw new SensorError(2, 5_000_000_000);
    if (ch == 3) throw STUCK;
    return ch * 7;
  }
  async read(ch: i32): Promise<i32> {
    try {
      return await this.raw(ch);
    } catch (e) {
      await Timer.after(Duration.millis(2));
      this.resets++;
      log.infoInt("catch-await-rethrow reset", this.resets);
      throw e;
    }
  }
}

const adc = new Adc();

export const user = task(1, async (): Promise<void> => {
  for (let ch = 1; ch <= 3; ch++) {
    try {
      log.infoInt("catch-await-rethrow value", await adc.read(ch));
    } catch (e) {
      await Timer.after(Duration.millis(1));
      if (e === STUCK) log.infoInt("catch-await-rethrow stuck", STUCK.channel);
      else if (e instanceof SensorError) {
        const s = e as SensorError;
        log.infoInt("catch-await-rethrow channel", s.channel);
        log.infoInt("catch-await-rethrow stamp", s.stamp);
      }
      log.info(`catch-await-rethrow message ${(e as Error).message}`);
    }
  }
});

export function main(): void {
  user.spawn();
}
