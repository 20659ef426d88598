// Parity program (test/parity/): an async closure awaited in a while
// condition and in an if condition polls until it reports true.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (): Promise<void> => {
  let level = 0;
  const ready = async (want: i32): Promise<bool> => {
    await Timer.after(Duration.millis(2));
    level++;
    return level >= want;
  };
  while (!(await ready(3))) log.infoInt("closure-condition waiting", level);
  if (await ready(4)) log.infoInt("closure-condition ready", level);
  log.infoInt("closure-condition level", level);
});

export function main(): void {
  user.spawn();
}
