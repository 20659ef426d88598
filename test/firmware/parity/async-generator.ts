// Parity program (test/parity/): an `async function*` generator that
// awaits between `yield`s is consumed by `for await … of`; the consumer's
// own awaits interleave with the generator's.
import { Timer, Duration, log, task } from "outpost";

async function* ticks(n: i32, ms: i32): AsyncGenerator<i32> {
  for (let i = 0; i < n; i++) {
    await Timer.after(Duration.millis(ms));
    log.infoInt("async-generator produced", i);
    yield i * ms;
  }
}

export const user = task(1, async (): Promise<void> => {
  for await (const t of ticks(4, 3)) {
    log.infoInt("async-generator got", t);
    await Timer.after(Duration.millis(1));
  }
  log.infoInt("async-generator end", 1);
});

export function main(): void {
  user.spawn();
}
