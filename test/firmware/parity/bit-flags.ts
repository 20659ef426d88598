// Parity program (test/parity/): bit flags in an i32 set, cleared and
// tested with `|=`, `&=`, `&`, `^` and `<<` around awaits keep the same
// bits.
import { Timer, Duration, log, task } from "outpost";

async function bit(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return 1 << n;
}

export const user = task(1, async (): Promise<void> => {
  let flags = 0;
  flags |= await bit(0);
  flags |= await bit(3);
  flags |= (await bit(30)) | 4;
  log.infoInt("bit-flags set", flags);
  flags &= ~(await bit(3));
  log.infoInt("bit-flags cleared", flags);
  log.infoInt("bit-flags has 30", (flags & (await bit(30))) != 0 ? 1 : 0);
  log.infoInt("bit-flags toggled", flags ^ (await bit(1)));
  log.infoInt("bit-flags shifted", (await bit(2)) << 3);
});

export function main(): void {
  user.spawn();
}
