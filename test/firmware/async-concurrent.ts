// Test firmware for test/lower/methods.test.ts: two tasks call the same
// async method of one object at once. Each call site has its own frame, so
// both calls run, each with its own arguments and result.
import { Timer, Duration, log, task } from "outpost";

class Sensor {
  reads: i32 = 0;
  async sample(scale: i32): Promise<i32> {
    await Timer.after(Duration.millis(10));
    this.reads++;
    return scale * 100 + this.reads;
  }
}

const sensor = new Sensor();

export const reader = task(2, async (label: i32): Promise<void> => {
  await Timer.after(Duration.millis(label));
  log.infoInt("sampling", label);
  log.infoInt("sampled", await sensor.sample(label));
});

export function main(): void {
  reader.spawn(1);
  reader.spawn(2);
}
