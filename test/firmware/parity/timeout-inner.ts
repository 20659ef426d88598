// Parity program (test/parity/): a withTimeout's result read through
// t.inner!.value when it did not time out, in a loop of calls that take
// longer each round, with the value added into a running total.
import { Timer, Duration, withTimeout, log, task } from "outpost";

async function measure(ms: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return ms * 100;
}

export const user = task(1, async (): Promise<void> => {
  let total = 0;
  for (let i = 1; i <= 5; i++) {
    const t = withTimeout(Duration.millis(3), measure(i));
    await t;
    if (!t.timedOut) {
      await Timer.after(Duration.millis(1));
      total += t.inner!.value;
      log.infoInt("timeout-inner value", t.inner!.value);
    } else log.infoInt("timeout-inner late", i);
  }
  log.infoInt("timeout-inner total", total);
});

export function main(): void {
  user.spawn();
}
