// Parity program (test/parity/): template literals with numbers and strings
// in `log.info` inside async code log the formatted text.
import { Timer, Duration, log, task } from "outpost";

const names: StaticArray<string> = ["red", "green"];

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    await Timer.after(Duration.millis(5));
    const name = names[i];
    log.info(`template-log led=${name} step=${i} ms=${(i + 1) * 5}`);
  }
  const big: i64 = 5_000_000_000;
  log.info(`template-log big=${big} neg=${-7}`);
});

export function main(): void {
  user.spawn();
}
