// Parity program (test/parity/): an async arrow with a default parameter is
// called with and without it.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (base: i32): Promise<void> => {
  const wait = async (ms: i32, extra: i32 = 10): Promise<i32> => {
    await Timer.after(Duration.millis(ms));
    return base + ms + extra;
  };
  log.infoInt("closure-defaults default", await wait(1));
  log.infoInt("closure-defaults given", await wait(2, 0));
});

export function main(): void {
  user.spawn(100);
}
