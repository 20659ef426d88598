// Parity program (test/parity/): async methods of an abstract driver class, overridden by subclasses that throw, called through the base type and the base's template method.
import { Timer, Duration, log, task } from "outpost";

class DriverError extends Error {
  constructor(public id: i32) {
    super("abstract-throw driver");
  }
}
const E_A = new DriverError(1);
const E_B = new DriverError(2);

abstract class Driver {
  fails: i32 = 0;
  abstract probe(): Promise<i32>;
  async init(): Promise<i32> {
    try {
      const v = await this.probe();
      return v + 1;
    } catch (e) {
      this.fails++;
      if ((e as DriverError).id == 2) throw e;
      return 0;
    } finally {
      await Timer.after(Duration.millis(1));
      log.infoInt("abstract-throw init finally fails", this.fails);
    }
  }
}

class Imu extends Driver {
  async probe(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    throw E_A;
  }
}
class Baro extends Driver {
  n: i32 = 0;
  async probe(): Promise<i32> {
    await Timer.after(Duration.millis(3));
    this.n++;
    if (this.n == 2) throw E_B;
    return 40;
  }
}
class Mag extends Baro {
  async probe(): Promise<i32> {
    const v = await super.probe();
    return v + 5;
  }
}

const drivers: StaticArray<Driver> = [new Imu(), new Baro(), new Mag()];

export const user = task(1, async (): Promise<void> => {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < drivers.length; i++) {
      try {
        log.infoInt("abstract-throw init", await drivers[i].init());
      } catch (e) {
        log.infoInt("abstract-throw failed id", (e as DriverError).id);
      }
    }
  }
});

export function main(): void {
  user.spawn();
}
