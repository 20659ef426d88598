// Parity program (test/parity/): a pool of preallocated packet objects
// passed by reference through a Channel<Packet> and a free list
// Channel<Packet>; the consumer mutates each packet across awaits and
// returns it, and the producer sees the mutations when it reuses it.
import { Timer, Duration, Channel, log, task } from "outpost";

class Packet {
  seq: i32 = -1;
  len: u8 = 0;
  crc: u16 = 0;
  handled: i32 = 0;
  constructor(public slot: i32) {}
}

const full = new Channel<Packet>(2, 4, "full");
const free = new Channel<Packet>(3, 4, "free");
const pool: StaticArray<Packet> = [new Packet(0), new Packet(1), new Packet(2)];

async function checksum(p: Packet): Promise<u16> {
  let c: i32 = 0xffff;
  for (let i = 0; i < <i32>p.len; i++) {
    c = ((c << 3) ^ (p.seq + i)) & 0xffff;
    if ((i & 3) == 3) await Timer.after(Duration.micros(40));
  }
  return <u16>c;
}

export const producer = task(1, async (): Promise<void> => {
  for (let seq = 0; seq < 7; seq++) {
    const p = await free.receive();
    if (p.seq >= 0) log.info(`packet-pool reuse slot ${p.slot} had seq ${p.seq} crc ${p.crc} handled ${p.handled}`);
    p.seq = seq;
    p.len = <u8>(seq * 3 + 1);
    await full.send(p);
  }
});

export const consumer = task(1, async (): Promise<void> => {
  for (let n = 0; n < 7; n++) {
    const p = await full.receive();
    p.crc = await checksum(p);
    p.handled++;
    await Timer.after(Duration.micros(300));
    log.info(`packet-pool done seq ${p.seq} slot ${p.slot} len ${p.len} crc 0x${p.crc.toString(16)}`);
    await free.send(p);
  }
});

export function main(): void {
  for (let i = 0; i < 3; i++) free.trySend(pool[i]);
  producer.spawn();
  consumer.spawn();
}
