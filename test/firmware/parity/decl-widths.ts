// Parity program (test/parity/): locals typed in the ways users declare
// them, live across awaits: a u8 and an i64 loop counter, a local
// declared without a value and assigned later, `5 as u8`, a list of
// declarations of different types, and a sync helper's result.
import { Timer, Duration, log, task } from "outpost";

async function step(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return n + 1;
}

function scale(x: u16): u32 {
  return <u32>x * 70000;
}

export const user = task(1, async (): Promise<void> => {
  let sum8: u8 = 0;
  for (let i: u8 = 250; i < 253; i++) {
    await step(<i32>i);
    sum8 = i;
  }
  log.info(`decl-widths u8 ${sum8}`);
  let acc: i64 = 0;
  for (let j: i64 = 4_000_000_000; j < 4_000_000_003; j += 1) {
    acc += j - <i64>(await step(0));
  }
  log.info(`decl-widths i64 ${acc}`);
  let later: u16;
  later = <u16>(await step(59999));
  const cast = 5 as u8;
  let p: i8 = -7,
    q: u32 = 3_000_000_000,
    r: bool = true;
  const big = scale(later);
  await Timer.after(Duration.millis(1));
  p -= <i8>(await step(1));
  q += <u32>(await step(0));
  r = !r;
  log.info(`decl-widths ${later} ${cast} ${p} ${q} ${r} ${big}`);
  q -= <u32>(await step(9)) * 100_000_000;
  log.info(`decl-widths q ${q} ${q > 1_000_000_000}`);
});

export function main(): void {
  user.spawn();
}
