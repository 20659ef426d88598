// Parity program (test/parity/): compound assignments with an await on the
// right into places of small, wide, float and bool types: a u8 field, an
// i64 field, an f32 field, a u16 static, a Uint8Array element, a
// StaticArray<i64> element and a bool field with ||= and &&=.
import { Timer, Duration, log, task } from "outpost";

class Acc {
  lo: u8 = 100;
  big: i64 = 8_000_000_000;
  gain: f32 = 1.5;
  ok: bool = false;
  async inc(n: u8): Promise<u8> {
    await Timer.after(Duration.millis(1));
    return n;
  }
  async wide(n: i64): Promise<i64> {
    await Timer.after(Duration.millis(1));
    return n;
  }
  async half(): Promise<f32> {
    await Timer.after(Duration.millis(1));
    return 0.5;
  }
  async yes(v: bool): Promise<bool> {
    await Timer.after(Duration.millis(1));
    return v;
  }
  async run(): Promise<void> {
    this.lo += await this.inc(50);
    this.lo -= await this.inc(25);
    this.big -= await this.wide(3_000_000_000);
    this.big *= await this.wide(2);
    this.gain *= await this.half();
    this.gain += await this.half();
    this.ok ||= await this.yes(true);
    this.ok &&= await this.yes(false);
    log.info(`compound-widths fields ${this.lo} ${this.big} ${this.gain == 1.25} ${this.ok}`);
  }
}

class Counts {
  static n: u16 = 60000;
}

const acc = new Acc();
const bytes = new Uint8Array(3);
const wides: StaticArray<i64> = [1, 2, 3];

export const user = task(1, async (): Promise<void> => {
  await acc.run();
  Counts.n += <u16>(await acc.inc(200));
  Counts.n -= <u16>(await acc.inc(1));
  bytes[1] += await acc.inc(120);
  bytes[1] *= await acc.inc(2);
  let i = 0;
  wides[i++] += await acc.wide(5_000_000_000);
  wides[i++] -= await acc.wide(7_000_000_000);
  log.info(`compound-widths rest ${Counts.n} ${bytes[1]} ${wides[0]} ${wides[1]} ${wides[2]} ${i}`);
});

export function main(): void {
  user.spawn();
}
