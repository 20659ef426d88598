// Test firmware for test/lower/methods.test.ts: two tasks call the same
// async method of one object at once. An object has one frame per async
// method, so the second call is a BUSY panic naming the method.
import { Timer, Duration, log, task } from "outpost";

class Sensor {
  async sample(): Promise<i32> {
    await Timer.after(Duration.millis(10));
    return 1;
  }
}

const sensor = new Sensor();

export const reader = task(2, async (label: i32): Promise<void> => {
  await Timer.after(Duration.millis(label));
  log.infoInt("sampling", label);
  log.infoInt("sampled", await sensor.sample());
});

export function main(): void {
  reader.spawn(1);
  reader.spawn(2);
}
