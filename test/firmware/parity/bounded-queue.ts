// Parity program (test/parity/): a bounded queue class over a ring buffer
// with a Mutex and two Signals, whose async put/take methods wait while the
// queue is full or empty, used by a fast producer and a slow consumer.
import { Timer, Duration, Signal, Mutex, log, task } from "outpost";

class BoundedQueue {
  private buf: StaticArray<i32> = [0, 0, 0];
  private head: i32 = 0;
  private count: i32 = 0;
  private notFull: Signal<bool> = new Signal<bool>("notFull");
  private notEmpty: Signal<bool> = new Signal<bool>("notEmpty");
  private lock: Mutex = new Mutex();
  waitsFull: i32 = 0;
  waitsEmpty: i32 = 0;

  async put(v: i32): Promise<void> {
    while (this.count == this.buf.length) {
      this.waitsFull++;
      await this.notFull.wait();
    }
    await this.lock.lock();
    try {
      await Timer.after(Duration.micros(100));
      this.buf[(this.head + this.count) % this.buf.length] = v;
      this.count++;
    } finally {
      this.lock.unlock();
    }
    this.notEmpty.signal(true);
  }

  async take(): Promise<i32> {
    while (this.count == 0) {
      this.waitsEmpty++;
      await this.notEmpty.wait();
    }
    await this.lock.lock();
    let v = 0;
    try {
      v = this.buf[this.head];
      this.head = (this.head + 1) % this.buf.length;
      this.count--;
    } finally {
      this.lock.unlock();
    }
    this.notFull.signal(true);
    return v;
  }
}

const q = new BoundedQueue();

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 8; i++) {
    await q.put(i * 11);
    log.infoInt("bounded-queue put", i * 11);
  }
});

export const consumer = task(1, async (): Promise<void> => {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    await Timer.after(Duration.millis(2));
    const v = await q.take();
    sum += v;
    log.infoInt("bounded-queue took", v);
  }
  log.info(`bounded-queue sum=${sum} full=${q.waitsFull} empty=${q.waitsEmpty}`);
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
