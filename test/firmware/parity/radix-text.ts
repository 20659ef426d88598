// Parity program (test/parity/): `n.toString(radix)` of integers in log
// templates and concatenations inside async code writes the digits in that
// base (lowercase, a '-' before a negative value), as the sync line would.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (): Promise<void> => {
  let n: i32 = 250;
  const mask: u32 = 0xdeadbeef;
  let big: i64 = -1_000_000_007;
  for (let i = 0; i < 3; i++) {
    await Timer.after(Duration.millis(1));
    n += 3;
    big *= 3;
    log.info(`radix-text n=${n.toString(16)} bits=${(n - 300).toString(2)} base${i + 2}=${n.toString(i + 2)}`);
    log.info("radix-text mask=" + mask.toString(16) + " big=" + big.toString(36) + " dec=" + n.toString(10));
  }
});

export function main(): void {
  user.spawn();
}
