// Parity program (test/parity/): static async methods await each other and
// instance methods, and read and write static fields across awaits; an
// async method stands in for an async getter.
import { Timer, Duration, log, task } from "outpost";

class Sensor {
  static reads: i32 = 0;
  raw: i32 = 0;

  static async warmUp(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(ms));
    Sensor.reads += 1;
    return Sensor.reads;
  }

  static async calibrate(s: Sensor, times: i32): Promise<i32> {
    let sum = 0;
    for (let i = 0; i < times; i++) sum += await Sensor.warmUp(i + 1);
    s.raw = sum;
    return await s.level();
  }

  async level(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return this.raw * 2 + Sensor.reads;
  }
}

const sensor = new Sensor();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("static-async warm", await Sensor.warmUp(3));
  log.infoInt("static-async calibrated", await Sensor.calibrate(sensor, 3));
  log.infoInt("static-async level", await sensor.level());
  log.infoInt("static-async reads", Sensor.reads);
});

export function main(): void {
  user.spawn();
}
