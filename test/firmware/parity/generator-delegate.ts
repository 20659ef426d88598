// Parity program (test/parity/): a generator delegating with `yield*` gets
// the inner generator's `return` value, and a `return` ends iteration.
import { Timer, Duration, log, task } from "outpost";

function* digits(n: i32): Generator<i32, i32> {
  for (let i = 1; i <= n; i++) yield i;
  return n * 100;
}

function* framed(n: i32): Generator<i32, void> {
  yield -1;
  const total = yield* digits(n);
  yield total;
  if (n > 2) return;
  yield -2;
}

export const user = task(1, async (): Promise<void> => {
  for (const v of framed(2)) {
    await Timer.after(Duration.millis(1));
    log.infoInt("generator-delegate short", v);
  }
  for (const v of framed(3)) {
    await Timer.after(Duration.millis(1));
    log.infoInt("generator-delegate long", v);
  }
});

export function main(): void {
  user.spawn();
}
