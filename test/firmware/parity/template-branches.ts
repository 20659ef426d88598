// Parity program (test/parity/): a template literal whose piece is a `?:`
// with awaits in both branches, and booleans, u8 and negative numbers
// written into text, log the same text.
import { Timer, Duration, log, task } from "outpost";

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  log.infoInt("template-branches f", x);
  return x;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    const on: bool = i == 1;
    const small: u8 = 250;
    log.info(`template-branches ${i == 0 ? await f(10) : await f(20)} on=${on} small=${small} neg=${-i - 1}`);
  }
});

export function main(): void {
  user.spawn();
}
