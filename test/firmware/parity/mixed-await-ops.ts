// Parity program (test/parity/): binary operators with awaits on both
// sides of mixed widths (u32 above 2^31, i64, u8, i16, f64): the left
// result is kept while the right one is awaited, at its own type, and
// the comparison or sum is the one the types say.
import { Timer, Duration, log, task } from "outpost";

class Src {
  async u32v(): Promise<u32> { await Timer.after(Duration.millis(1)); return 3_000_000_000; }
  async i64v(): Promise<i64> { await Timer.after(Duration.millis(1)); return -5_000_000_000; }
  async u8v(): Promise<u8> { await Timer.after(Duration.millis(1)); return 250; }
  async i16v(): Promise<i16> { await Timer.after(Duration.millis(1)); return -300; }
  async f64v(): Promise<f64> { await Timer.after(Duration.millis(1)); return 1.25; }
}

const s = new Src();

export const user = task(1, async (): Promise<void> => {
  log.info(`mixed-await-ops cmp ${<i64>(await s.u32v()) > (await s.i64v())} ${(await s.u8v()) > <u8>(await s.i16v() + 400)}`);
  log.info(`mixed-await-ops sum ${<i64>(await s.u32v()) + (await s.i64v())} ${<i32>(await s.u8v()) + <i32>(await s.i16v())}`);
  log.info(`mixed-await-ops u32 ${(await s.u32v()) > 2_000_000_000} ${(await s.u32v()) - (await s.u32v())} ${(await s.u32v()) / 1000}`);
  log.info(`mixed-await-ops f ${(await s.f64v()) * <f64>(await s.u8v())} ${<f64>(await s.i16v()) < (await s.f64v())}`);
  const x = (await s.u32v()) as u32;
  const y = <u64>(await s.u32v()) * 2;
  await Timer.after(Duration.millis(1));
  log.info(`mixed-await-ops kept ${x} ${<i64>y}`);
});

export function main(): void {
  user.spawn();
}
