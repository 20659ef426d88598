// Parity program (test/parity/): getters that return futures (an async
// method's call, and a channel receive) are awaited directly, in
// conditions and template text, on an object whose fields change between.
import { Timer, Duration, Channel, log, task } from "outpost";

class Sensor {
  level: i32 = 5;
  reads: i32 = 0;
  readings: Channel<i32> = new Channel<i32>(2, 4, "readings");
  async sample(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    this.reads++;
    this.level += 3;
    return this.level;
  }
  get current(): Promise<i32> {
    return this.sample();
  }
  get next(): Promise<i32> {
    return this.readings.receive();
  }
}

const s = new Sensor();

export const feeder = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await Timer.after(Duration.millis(3));
    await s.readings.send(i * 7);
  }
});

export const user = task(1, async (): Promise<void> => {
  log.infoInt("getter-future current", await s.current);
  if ((await s.current) > 10) log.info(`getter-future high reads=${s.reads}`);
  log.info(`getter-future text ${await s.current} ${s.level} ${await s.next}`);
  let total = 0;
  for (let i = 0; i < 2; i++) total += await s.next;
  log.infoInt("getter-future total", total);
});

export function main(): void {
  feeder.spawn();
  user.spawn();
}
