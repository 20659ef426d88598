// Parity program (test/parity/): an async method reads and writes `this`
// across awaits while another task changes the same object; each read
// sees the value at that moment.
import { Timer, Duration, log, task } from "outpost";

class Counter {
  value: i32 = 0;
  async addSlowly(n: i32): Promise<i32> {
    const before = this.value;
    await Timer.after(Duration.millis(2));
    this.value += n;
    log.infoInt("method-state before", before);
    return this.value;
  }
}

const counter = new Counter();

export const other = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  counter.value = 40;
});

export const user = task(1, async (): Promise<void> => {
  log.infoInt("method-state first", await counter.addSlowly(2));
  log.infoInt("method-state second", await counter.addSlowly(3));
});

export function main(): void {
  user.spawn();
  other.spawn();
}
