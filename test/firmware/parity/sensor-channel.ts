// Parity program (test/parity/): an everyday pipeline. Sensors (a class
// with an async method and a counter field) are read in a for-of loop; a
// read that throws an Error subclass is caught and told apart with
// instanceof; readings go through a Channel to a consumer that selects
// between a receive and a timeout, reads the value the receive took from
// the channel's `.received`, and switches on a string.
import { Channel, Duration, Timer, log, select, task } from "outpost";

class SensorError extends Error {
  constructor(message: string, public code: i32) {
    super(message);
  }
}

class Sensor {
  reads: i32 = 0;
  constructor(public name: string, private failAt: i32) {}
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    this.reads++;
    if (this.reads == this.failAt) throw new SensorError("read failed", 7);
    return this.reads * 10;
  }
}

const sensors: Sensor[] = [new Sensor("a", 2), new Sensor("b", 0)];
const readings = new Channel<i32>(4, 4, "readings");

export const poller = task(1, async (): Promise<void> => {
  for (let round = 0; round < 3; round++) {
    for (const s of sensors) {
      try {
        const v = await s.read();
        await readings.send(v);
      } catch (e) {
        if (e instanceof SensorError) log.info(`sensor-channel ${s.name} failed: ${e.message} (code ${(e as SensorError).code})`);
        else log.info("sensor-channel other error");
      }
    }
  }
});

export const consumer = task(1, async (): Promise<void> => {
  let total = 0;
  while (true) {
    const which = await select(readings.receive(), Timer.after(Duration.millis(20)));
    if (which == 1) break;
    total += readings.received;
    const level = total > 50 ? "high" : "low";
    switch (level) {
      case "high":
        log.info(`sensor-channel high ${total}`);
        break;
      default:
        log.info(`sensor-channel low ${total}`);
    }
  }
  log.info(`sensor-channel done ${total}`);
});

export function main(): void {
  poller.spawn();
  consumer.spawn();
}
