// Parity program (test/parity/): a command table of async handler
// functions kept in a StaticArray and indexed by opcode, each given a
// preallocated Packet instance that it mutates across its awaits; the
// reply code is checked with bit masks.
import { Timer, Duration, log, task } from "outpost";

class Packet {
  op: u8 = 0;
  arg: i32 = 0;
  reply: i32 = 0;
  flags: u8 = 0;
}

const STORE: StaticArray<i32> = [0, 0, 0, 0, 0, 0, 0, 0];

async function hRead(p: Packet): Promise<i32> {
  await Timer.after(Duration.micros(300));
  p.reply = STORE[p.arg & 7];
  p.flags |= 0x01;
  return 0;
}

async function hWrite(p: Packet): Promise<i32> {
  await Timer.after(Duration.micros(700));
  STORE[p.arg & 7] = p.arg >> 3;
  p.reply = p.arg >> 3;
  p.flags |= 0x02;
  return 0;
}

async function hSum(p: Packet): Promise<i32> {
  let s = 0;
  for (const v of STORE) {
    s += v;
    if (s > p.arg) {
      p.flags |= 0x80;
      return 1;
    }
  }
  await Timer.after(Duration.micros(100));
  p.reply = s;
  return 0;
}

async function hBad(p: Packet): Promise<i32> {
  await Timer.after(Duration.micros(50));
  p.flags = 0xff;
  return 2;
}

const handlers: StaticArray<(p: Packet) => Promise<i32>> = [hRead, hWrite, hSum, hBad];
const pkt = new Packet();
const ops: StaticArray<i32> = [1, (5 << 3) | 2, 1, (9 << 3) | 2, 0, 2, 2, 100, 2, 5, 3, 0];

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < ops.length; i += 2) {
    pkt.op = <u8>ops[i];
    pkt.arg = ops[i + 1];
    pkt.flags = 0;
    pkt.reply = -1;
    const rc = await handlers[pkt.op & 3](pkt);
    const err = (pkt.flags & 0x80) != 0 || rc != 0;
    log.info(`handler-table op=${pkt.op} arg=${pkt.arg} rc=${rc} reply=${pkt.reply} flags=0x${pkt.flags.toString(16)} err=${err}`);
  }
});

export function main(): void {
  user.spawn();
}
