// Parity program (test/parity/): locals of every integer width, f32, f64 and
// bool, live across awaits, keep their values and print in template text.
import { Timer, Duration, log, task } from "outpost";

async function tick(): Promise<void> {
  await Timer.after(Duration.millis(1));
}

export const user = task(1, async (): Promise<void> => {
  let a: i8 = -100;
  let b: u8 = 200;
  let c: i16 = -30000;
  let d: u16 = 60000;
  let e: u32 = 4000000000;
  let f: i64 = -9000000000;
  let g: u64 = 9000000000;
  let h: f32 = 1.5;
  let k: f64 = -2.25;
  let m: bool = true;
  await tick();
  log.info(`num-locals ${a} ${b} ${c} ${d} ${e}`);
  log.info(`num-locals ${f} ${<i64>g} ${m}`);
  a += 27;
  b -= 100;
  c += 1;
  d += 5000;
  e -= 1;
  f *= 2;
  g += 1;
  h *= 2;
  k += 0.5;
  m = !m;
  await tick();
  log.info(`num-locals ${a} ${b} ${c} ${d} ${e}`);
  log.info(`num-locals ${f} ${<i64>g} ${m}`);
  log.info(`num-locals ${h == 3 ? "h3" : "h?"} ${k == -1.75 ? "k" : "k?"}`);
  log.infoInt("num-locals sum", <i64>a + <i64>b + <i64>c + <i64>d + <i64>e);
});

export function main(): void {
  user.spawn();
}
