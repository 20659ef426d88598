// Parity program (test/parity/): a generic Queue<T> class whose async
// methods wrap a Channel<T> and count in fields, used at i32, i64 and a
// class type by two tasks.
import { Timer, Duration, Channel, log, task } from "outpost";

class Queue<T> {
  pushed: i32 = 0;
  popped: i32 = 0;
  private ch: Channel<T>;
  constructor(capacity: i32) {
    this.ch = new Channel<T>(capacity, 4, "queue");
  }
  async push(v: T): Promise<void> {
    await this.ch.send(v);
    this.pushed++;
  }
  async pop(): Promise<T> {
    const v = await this.ch.receive();
    this.popped++;
    return v;
  }
  async popWithin(ms: i32, fallback: T): Promise<T> {
    await Timer.after(Duration.millis(ms));
    if (this.ch.isEmpty()) return fallback;
    return await this.pop();
  }
}

class Packet {
  constructor(public tag: i32) {}
}

const small = new Queue<i32>(1);
const wide = new Queue<i64>(2);
const packets = new Queue<Packet>(1);
const p1 = new Packet(1);
const p2 = new Packet(2);
const none = new Packet(-1);

export const writer = task(1, async (): Promise<void> => {
  await small.push(5);
  await small.push(6);
  await wide.push(7_000_000_000);
  await packets.push(p1);
  await Timer.after(Duration.millis(4));
  await packets.push(p2);
  log.infoInt("generic-queue pushed", small.pushed * 100 + wide.pushed * 10 + packets.pushed);
});

export const reader = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  log.infoInt("generic-queue small", await small.pop());
  log.infoInt("generic-queue small", await small.pop());
  log.infoInt("generic-queue wide", await wide.pop());
  log.infoInt("generic-queue packet", (await packets.pop()).tag);
  log.infoInt("generic-queue within", (await packets.popWithin(1, none)).tag);
  log.infoInt("generic-queue within", (await packets.popWithin(5, none)).tag);
  log.infoInt("generic-queue popped", small.popped * 100 + wide.popped * 10 + packets.popped);
});

export function main(): void {
  writer.spawn();
  reader.spawn();
}
