// Parity program (test/parity/): every compound operator (`**=`, `%=`,
// `>>=`, `>>>=`, `&=`, `^=`) with an awaited right side reads the left
// side before the await, where a concurrent task changes it.
import { Timer, Duration, log, task } from "outpost";

let x: i32 = 3;

async function val(v: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return v;
}

export const user = task(1, async (): Promise<void> => {
  x **= await val(3);
  log.infoInt("operator-assign-await pow", x);
  x %= await val(5);
  log.infoInt("operator-assign-await mod", x);
  x = 1024;
  x >>= await val(2);
  log.infoInt("operator-assign-await shr", x);
  x >>>= await val(1);
  log.infoInt("operator-assign-await ushr", x);
  x &= await val(0xf0);
  log.infoInt("operator-assign-await and", x);
  x ^= await val(0xff);
  log.infoInt("operator-assign-await xor", x);
  const y = 2 ** (await val(4)) - (await val(1)) * x;
  log.infoInt("operator-assign-await expr", y);
});

export const meddler = task(1, async (): Promise<void> => {
  for (let i = 0; i < 8; i++) {
    await Timer.after(Duration.millis(1));
    x += 1000;
    await Timer.after(Duration.millis(1));
  }
});

export function main(): void {
  user.spawn();
  meddler.spawn();
}
