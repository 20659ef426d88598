/**
 * Yield benchmark firmware: one task that, at every virtual second, yields
 * YIELDS times (`await y.now()`: to the back of the run queue, polled
 * again) and then logs `yielded <n>`. The host (bench/yield.bench.ts)
 * times each second's run; the executor hands control back to the host
 * every 1024 polls (its poll budget), and the host calls again at once.
 */
import { Timer, Duration, Yield, log, task } from "outpost";

const YIELDS: i32 = 1_000_000;
const y = new Yield();

export const yielder = task(1, async (): Promise<void> => {
  let second: i64 = 1;
  while (true) {
    await Timer.at(Duration.seconds(second));
    let n = 0;
    while (n < YIELDS) {
      await y.now();
      n++;
    }
    log.infoInt("yielded", n);
    second++;
  }
});

export function main(): void {
  yielder.spawn();
}
