// Parity program (test/parity/): i64 and u32 values at their edges (the
// largest integers a double holds exactly, 2^32 - 1, i32's minimum) keep
// their values across awaits, in frames, parameters and results.
import { Timer, Duration, log, task } from "outpost";

async function carry(v: i64, ms: i32): Promise<i64> {
  await Timer.after(Duration.millis(ms));
  return v;
}

async function widen(u: u32): Promise<i64> {
  await Timer.after(Duration.millis(1));
  return <i64>u + 1;
}

export const user = task(1, async (): Promise<void> => {
  const max: i64 = 9_007_199_254_740_991;
  const min: i64 = -9_007_199_254_740_991;
  const u: u32 = 4_294_967_295;
  const small: i32 = -2_147_483_648;
  await Timer.after(Duration.millis(1));
  log.infoInt("i64-edges max", await carry(max, 1));
  log.infoInt("i64-edges min", await carry(min, 1));
  log.infoInt("i64-edges sum", (await carry(max - 1, 1)) + (await carry(min, 1)));
  log.infoInt("i64-edges u32", u);
  log.infoInt("i64-edges widened", await widen(u));
  log.infoInt("i64-edges i32 min", small);
  log.infoInt("i64-edges i32 min wide", (await carry(small, 1)) - 1);
  log.info(`i64-edges text ${max} ${min} ${u} ${small}`);
  const big = await carry(1_099_511_627_776, 2);
  log.infoInt("i64-edges times", big * 4096);
  log.infoInt("i64-edges less", big < max ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
