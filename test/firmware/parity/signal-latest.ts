// Parity program (test/parity/): a Signal wakes its waiter with the latest
// value; values signalled before the wait replace each other.
import { Timer, Duration, Signal, log, task } from "outpost";

const reading = new Signal<i32>("reading");

export const sensor = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 6; i++) {
    await Timer.after(Duration.millis(3));
    reading.signal(i * 10);
    if (i == 4) reading.signal(i * 10 + 1);
  }
});

export const display = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const v = await reading.wait();
    log.infoInt("signal-latest shown", v);
    await Timer.after(Duration.millis(i * 2));
  }
});

export function main(): void {
  sensor.spawn();
  display.spawn();
}
