// Parity program (test/parity/): an async arrow called where it is written
// (`await (async () => { … })()`) runs its body there and gives its value.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (base: i32): Promise<void> => {
  const v = await (async (): Promise<i32> => {
    await Timer.after(Duration.millis(2));
    return base + 1;
  })();
  log.infoInt("async-iife value", v);
  await (async (): Promise<void> => {
    await Timer.after(Duration.millis(1));
    log.infoInt("async-iife inner", base);
  })();
  log.infoInt("async-iife done", 1);
});

export function main(): void {
  user.spawn(7);
}
