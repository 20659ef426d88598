// Parity program (test/parity/): an optional async callback kept in a
// nullable field (`((x: i32) => Promise<void>) | null`) is awaited only
// while set, and can be swapped between a closure and a named function.
import { Timer, Duration, log, task } from "outpost";

let sum = 0;

async function named(x: i32): Promise<void> {
  await Timer.after(Duration.millis(1));
  log.infoInt("callback-field-null named", x);
}

const arrow = async (x: i32): Promise<void> => {
  await Timer.after(Duration.millis(2));
  sum += x;
  log.infoInt("callback-field-null arrow", sum);
};

class Sensor {
  onRead: ((x: i32) => Promise<void>) | null = null;
  count: i32 = 0;
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(3));
    this.count++;
    const cb = this.onRead;
    if (cb != null) await cb(this.count * 10);
    return this.count;
  }
}

const s = new Sensor();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("callback-field-null read", await s.read());
  s.onRead = arrow;
  log.infoInt("callback-field-null read", await s.read());
  log.infoInt("callback-field-null read", await s.read());
  s.onRead = named;
  log.infoInt("callback-field-null read", await s.read());
  s.onRead = null;
  log.infoInt("callback-field-null read", await s.read());
});

export function main(): void {
  user.spawn();
}
