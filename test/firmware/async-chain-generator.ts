// A sync generator that throws while an async function iterates it
// (test/lower/chains.test.ts): the task caught an earlier error, so the
// panic must name the generator's throw, not that older throw's chain.
import { Timer, Duration, log, task } from "outpost";

const early = new Error("early");
const bad = new Error("bad item");

function* items(n: i32): Generator<i32> {
  for (let i = 0; i < n; i++) {
    if (i == 2) throw bad;
    yield i;
  }
}

async function risky(): Promise<void> {
  await Timer.after(Duration.millis(1));
  throw early;
}

async function consume(): Promise<void> {
  for (const v of items(4)) {
    log.infoInt("item", v);
    await Timer.after(Duration.millis(1));
  }
}

export const user = task(1, async (): Promise<void> => {
  try {
    await risky();
  } catch (e) {
    log.info("caught early");
  }
  await consume();
});

export function main(): void {
  user.spawn();
}
