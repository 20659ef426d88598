// Parity program (test/parity/): generic async functions instantiated at
// u8, i64, f64, bool and a class type, keeping a T local across awaits,
// one generic calling another, with explicit and inferred type arguments.
import { Timer, Duration, log, task } from "outpost";

class Reading {
  constructor(public id: i32, public v: i64) {}
}

const r1 = new Reading(1, 7_000_000_000);
const r2 = new Reading(2, -3);

async function hold<T>(v: T, ms: i32): Promise<T> {
  const kept: T = v;
  await Timer.after(Duration.millis(ms));
  await Timer.after(Duration.millis(1));
  return kept;
}

async function swapIf<T>(a: T, b: T, swap: bool): Promise<T> {
  const x = await hold<T>(a, 1);
  const y = await hold<T>(b, 1);
  return swap ? y : x;
}

export const user = task(1, async (): Promise<void> => {
  const b: u8 = await hold<u8>(250, 1);
  const w = await hold<i64>(-9_000_000_000, 2);
  const f = await hold<f64>(0.75, 1);
  const t = await hold(true, 1);
  const r = await hold<Reading>(r1, 1);
  log.info(`generic-widths ${b} ${w} ${f == 0.75} ${t} ${r.id} ${r.v}`);
  const s = await swapIf<Reading>(r1, r2, true);
  const n = await swapIf<i64>(1, 5_000_000_000, true);
  const m = await swapIf(<u16>60000, <u16>7, false);
  log.info(`generic-widths swapped ${s.id} ${s === r2} ${n} ${m}`);
  log.infoInt("generic-widths sum", <i64>b + w + n + <i64>m);
});

export function main(): void {
  user.spawn();
}
