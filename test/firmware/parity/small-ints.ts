// Parity program (test/parity/): async methods returning u8, i8, u16 and
// u64, and a Channel<u8> and Signal<i8>, keep their values within range
// across awaits and compare and log them as their types say.
import { Timer, Duration, Channel, Signal, log, task } from "outpost";

const bytes = new Channel<u8>(4, 4, "bytes");
const level = new Signal<i8>("level");

class Port {
  reg: u8 = 0xf0;
  async readReg(): Promise<u8> {
    await Timer.after(Duration.millis(1));
    return this.reg;
  }
  async offset(): Promise<i8> {
    await Timer.after(Duration.millis(1));
    return -100;
  }
  async word(hi: u8, lo: u8): Promise<u16> {
    await Timer.after(Duration.millis(1));
    return (<u16>hi << 8) | <u16>lo;
  }
  async big(): Promise<u64> {
    await Timer.after(Duration.millis(1));
    return 18_000_000_000_000;
  }
}

const port = new Port();

export const producer = task(1, async (): Promise<void> => {
  const r = await port.readReg();
  await bytes.send(r);
  await bytes.send(<u8>(r + 15));
  level.signal(await port.offset());
});

export const consumer = task(1, async (): Promise<void> => {
  const a = await bytes.receive();
  const b = await bytes.receive();
  log.infoInt("small-ints bytes", <i32>a * 1000 + <i32>b);
  log.infoInt("small-ints bigger", b > a ? 1 : 0);
  const w = await port.word(a, b);
  log.infoInt("small-ints word", <i32>w);
  const l = await level.wait();
  log.infoInt("small-ints level", <i32>l);
  log.infoInt("small-ints negative", l < 0 ? 1 : 0);
  const g = await port.big();
  log.infoInt("small-ints big", <i64>(g + 1));
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
