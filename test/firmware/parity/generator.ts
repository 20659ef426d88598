// Parity program (test/parity/): a `function*` generator with `yield` in a
// loop is consumed by `for … of` inside an async body that awaits between
// items.
import { Timer, Duration, log, task } from "outpost";

function* evens(limit: i32): Generator<i32> {
  for (let i = 0; i < limit; i += 2) yield i;
}

export const user = task(1, async (): Promise<void> => {
  for (const e of evens(7)) {
    await Timer.after(Duration.millis(e + 1));
    log.infoInt("generator even", e);
  }
});

export function main(): void {
  user.spawn();
}
