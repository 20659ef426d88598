// Parity program (test/parity/): an error thrown inside a Mutex critical
// section releases the lock through finally, the waiting task gets it next,
// and the error reaches the thrower's caller.
import { Timer, Duration, Mutex, log, task } from "outpost";

class BusFault extends Error {
  constructor(public addr: i32) {
    super("bus fault");
  }
}

class I2c {
  private guard: Mutex = new Mutex(2, "i2c");
  async write(addr: i32, ms: i32): Promise<i32> {
    await this.guard.lock();
    try {
      await Timer.after(Duration.millis(ms));
      if (addr == 0x42) throw new BusFault(0x42);
      return addr + ms;
    } finally {
      this.guard.unlock();
    }
  }
}

const i2c = new I2c();

export const dev = task(2, async (addr: i32, ms: i32): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    try {
      log.infoInt("mutex-throw wrote", await i2c.write(addr, ms));
    } catch (e) {
      if (e instanceof BusFault) log.infoInt("mutex-throw fault", (e as BusFault).addr);
      await Timer.after(Duration.millis(1));
    }
  }
});

export function main(): void {
  dev.spawn(0x42, 3);
  dev.spawn(0x10, 2);
}
