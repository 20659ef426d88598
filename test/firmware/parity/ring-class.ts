// Parity program (test/parity/): a ring buffer class with async put/take
// that wait on Signals while full or empty, indices wrapped with a mask,
// and counters updated around the awaits.
import { Timer, Duration, Signal, log, task } from "outpost";

class Ring {
  buf: StaticArray<i32> = [0, 0, 0, 0];
  head: i32 = 0;
  tail: i32 = 0;
  count: i32 = 0;
  puts: i32 = 0;
  takes: i32 = 0;
  stalls: i32 = 0;
  notFull: Signal<i32> = new Signal<i32>("notFull");
  notEmpty: Signal<i32> = new Signal<i32>("notEmpty");

  async put(v: i32): Promise<void> {
    while (this.count == 4) {
      this.stalls++;
      await this.notFull.wait();
    }
    this.buf[this.tail] = v;
    this.tail = (this.tail + 1) & 3;
    this.count++;
    this.puts++;
    this.notEmpty.signal(this.count);
  }

  async take(): Promise<i32> {
    while (this.count == 0) await this.notEmpty.wait();
    const v = this.buf[this.head];
    this.head = (this.head + 1) & 3;
    this.count--;
    this.takes++;
    this.notFull.signal(this.count);
    return v;
  }
}

const ring = new Ring();

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 10; i++) {
    await ring.put(i * i);
    if (i % 3 == 0) await Timer.after(Duration.millis(1));
  }
  log.info(`ring-class producer done puts=${ring.puts} stalls=${ring.stalls}`);
});

export const consumer = task(1, async (): Promise<void> => {
  let sum = 0;
  let last = -1;
  for (let i = 0; i < 10; i++) {
    const v = await ring.take();
    sum += v;
    if (v < last) log.info(`ring-class out of order ${v} after ${last}`);
    last = v;
    if (i == 2) await Timer.after(Duration.millis(5));
    log.info(`ring-class took ${v} count=${ring.count} head=${ring.head}`);
  }
  log.info(`ring-class sum=${sum} takes=${ring.takes}`);
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
