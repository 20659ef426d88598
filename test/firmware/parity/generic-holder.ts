// Parity program (test/parity/): a generic class bounded by a sensor class
// awaits the async method of the object it holds (`this.s.read()`), at two
// type arguments, the override of a subclass reached through the bound.
import { Timer, Duration, log, task } from "outpost";

class Sensor {
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return 1;
  }
}

class Hot extends Sensor {
  override async read(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return 90;
  }
}

class Recorder<S extends Sensor> {
  total: i32 = 0;
  constructor(public s: S) {}
  async record(times: i32): Promise<i32> {
    for (let i = 0; i < times; i++) this.total += await this.s.read();
    return this.total;
  }
}

const plain = new Recorder<Sensor>(new Sensor());
const hot = new Recorder<Hot>(new Hot());
const hotAsBase = new Recorder<Sensor>(new Hot());

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-holder plain", await plain.record(2));
  log.infoInt("generic-holder hot", await hot.record(2));
  log.infoInt("generic-holder hot as base", await hotAsBase.record(1));
});

export function main(): void {
  user.spawn();
}
