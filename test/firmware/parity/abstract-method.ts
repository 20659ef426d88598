// Parity program (test/parity/): an abstract async method, implemented by
// two subclasses, is awaited from a concrete async method of the base
// class.
import { Timer, Duration, log, task } from "outpost";

abstract class Sensor {
  abstract sample(): Promise<i32>;

  async total(n: i32): Promise<i32> {
    let sum: i32 = 0;
    for (let i = 0; i < n; i++) sum += await this.sample();
    return sum;
  }
}

class Thermometer extends Sensor {
  private t: i32 = 20;
  async sample(): Promise<i32> {
    await Timer.after(Duration.millis(3));
    this.t += 2;
    return this.t;
  }
}

class Barometer extends Sensor {
  async sample(): Promise<i32> {
    await Timer.after(Duration.millis(7));
    return 1000;
  }
}

const sensors: Sensor[] = [new Thermometer(), new Barometer()];

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < sensors.length; i++) {
    log.infoInt("abstract-method total", await sensors[i].total(3));
  }
});

export function main(): void {
  user.spawn();
}
