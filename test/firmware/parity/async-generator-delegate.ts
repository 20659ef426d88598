// Parity program (test/parity/): an async generator delegating with
// `yield*` to another async generator gets its `return` value; a `return`
// ends the outer one early.
import { Timer, Duration, log, task } from "outpost";

async function* countdown(from: i32): AsyncGenerator<i32, i32> {
  for (let i = from; i > 0; i--) {
    await Timer.after(Duration.millis(2));
    yield i;
  }
  return from * 10;
}

async function* launches(n: i32): AsyncGenerator<i32, void> {
  for (let round = 1; round <= n; round++) {
    const r = yield* countdown(round + 1);
    yield r;
    if (round == 2) return;
  }
}

export const user = task(1, async (): Promise<void> => {
  for await (const v of launches(5)) log.infoInt("async-generator-delegate item", v);
  log.infoInt("async-generator-delegate end", 1);
});

export function main(): void {
  user.spawn();
}
