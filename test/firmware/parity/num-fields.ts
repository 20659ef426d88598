// Parity program (test/parity/): class fields of small, wide and float
// types updated by async methods across awaits, converted with <i64>x, <i32>x
// and `as u32`, and compared across widths.
import { Timer, Duration, log, task } from "outpost";

class Meter {
  lo: u8 = 200;
  sn: i8 = -120;
  mid: u16 = 60000;
  w: u32 = 3_000_000_000;
  big: i64 = 0;
  ratio: f64 = 0.5;
  gain: f32 = 0.25;
  on: bool = false;

  async step(n: i32): Promise<u32> {
    await Timer.after(Duration.millis(1));
    this.lo += <u8>n;
    this.sn -= <i8>n;
    this.mid += <u16>(n * 100);
    this.w += n as u32;
    this.big += <i64>this.w * 2;
    this.ratio *= 2;
    this.gain += 0.25;
    this.on = !this.on;
    return this.w;
  }
}

const m = new Meter();

export const user = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 3; i++) {
    const before = m.w;
    const r = await m.step(i);
    log.info(`num-fields ${i} lo=${m.lo} sn=${m.sn} mid=${m.mid} w=${r} big=${m.big} on=${m.on}`);
    log.info(`num-fields grew=${r > before} wide=${<i64>r > 3_000_000_002} as32=${<i32>m.lo + <i32>m.sn}`);
    log.info(`num-fields ${m.ratio == 1 || m.ratio == 2 || m.ratio == 4 ? "ok" : "bad"} ${m.gain == <f32>(0.25 + 0.25 * <f32>i) ? "ok" : "bad"}`);
  }
  const mixed = <i32>m.lo < <i32>m.mid && <i64>m.sn < m.big;
  await Timer.after(Duration.millis(1));
  log.infoInt("num-fields mixed", mixed ? 1 : 0);
  log.infoInt("num-fields big", m.big);
});

export function main(): void {
  user.spawn();
}
