// Parity program (test/parity/): a ring buffer class whose async push waits
// on a Signal while it is full and whose pop wakes it, made at init with a
// fixed StaticArray.
import { Timer, Duration, Signal, log, task } from "outpost";

class Ring {
  items: StaticArray<i32> = [0, 0];
  head: i32 = 0;
  count: i32 = 0;
  room: Signal<i32> = new Signal<i32>("room");

  async push(v: i32): Promise<void> {
    while (this.count == 2) await this.room.wait();
    this.items[(this.head + this.count) % 2] = v;
    this.count++;
  }

  pop(): i32 {
    const v = this.items[this.head];
    this.head = (this.head + 1) % 2;
    this.count--;
    this.room.signal(1);
    return v;
  }
}

const ring = new Ring();

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 5; i++) {
    await ring.push(i * 10);
    log.infoInt("ring-wait pushed", i * 10);
  }
});

export const consumer = task(1, async (): Promise<void> => {
  for (let i = 0; i < 5; i++) {
    await Timer.after(Duration.millis(3));
    log.infoInt("ring-wait popped", ring.pop());
  }
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
