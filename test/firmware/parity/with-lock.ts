// Parity program (test/parity/): a generic `withLock<T>(fn)` method of a
// non-generic class runs an async function value under a Mutex and
// releases it in finally, also when the function throws, for two tasks
// sharing a bus.
import { Timer, Duration, Mutex, log, task } from "outpost";

class Bus {
  private m: Mutex = new Mutex();
  holder: i32 = 0;
  async withLock<T>(who: i32, fn: () => Promise<T>): Promise<T> {
    await this.m.lock();
    this.holder = who;
    try {
      return await fn();
    } finally {
      this.holder = 0;
      this.m.unlock();
    }
  }
}

const bus = new Bus();
let reg = 0;

const readReg = async (): Promise<i32> => {
  await Timer.after(Duration.millis(3));
  reg += 5;
  return reg;
};
const writeReg = async (): Promise<bool> => {
  await Timer.after(Duration.millis(2));
  if (reg > 12) throw new Error("reg overflow");
  reg *= 2;
  return true;
};

export const a = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const v = await bus.withLock<i32>(1, readReg);
    log.info(`with-lock a read ${v} holder=${bus.holder}`);
  }
});

export const b = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    try {
      const ok = await bus.withLock<bool>(2, writeReg);
      log.info(`with-lock b wrote ${ok} reg=${reg}`);
    } catch (e) {
      log.info(`with-lock b failed ${(e as Error).message} holder=${bus.holder}`);
    }
  }
});

export function main(): void {
  a.spawn();
  b.spawn();
}
