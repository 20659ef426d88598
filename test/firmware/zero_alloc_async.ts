// Zero allocation after init in async code: errors thrown and caught,
// generators and async generators left early (their finally blocks run),
// select losers whose finally blocks await, and closures, round after
// round. Every 1,000 rounds the task logs "rounds <n>"; a wrong result
// logs "wrong <what> <value>".
import { Timer, Duration, Yield, select, log, task } from "outpost";

class Flaky extends Error {
  constructor(public code: i32) {
    super("flaky");
  }
}

let cleanups: i32 = 0;

async function mayFail(i: i32): Promise<i32> {
  await Yield.now();
  if ((i & 3) == 0) throw new Flaky(7);
  return i;
}

function* upTo(n: i32): Generator<i32> {
  try {
    for (let i = 0; i < n; i++) yield i;
  } finally {
    cleanups++;
  }
}

async function* slowUpTo(n: i32): AsyncGenerator<i32> {
  try {
    for (let i = 0; i < n; i++) {
      await Yield.now();
      yield i;
    }
  } finally {
    await Yield.now();
    cleanups++;
  }
}

async function loser(): Promise<void> {
  try {
    await Timer.after(Duration.millis(100));
  } finally {
    await Yield.now(); // cleanup that waits: the select completes after it
    cleanups++;
  }
}

async function apply(f: (x: i32) => Promise<i32>, x: i32): Promise<i32> {
  return await f(x);
}

export const churn = task(1, async (): Promise<void> => {
  const offset = 5;
  const add = async (x: i32): Promise<i32> => {
    await Yield.now();
    return x + offset;
  };
  for (let round = 1; ; round++) {
    let caught = 0;
    for (let i = 0; i < 4; i++) {
      try {
        await mayFail(i);
      } catch (e) {
        if (e instanceof Flaky) caught += (e as Flaky).code;
      }
    }
    if (caught != 7) log.infoInt("wrong caught", caught);
    let sum = 0;
    for (const v of upTo(10)) {
      if (v == 3) break;
      sum += v;
    }
    for await (const v of slowUpTo(10)) {
      if (v == 2) break;
      sum += v;
    }
    if (sum != 4) log.infoInt("wrong sum", sum);
    const before = cleanups;
    const w = await select(loser(), Yield.now());
    if (w != 1 || cleanups != before + 1) log.infoInt("wrong select", w);
    const r = await apply(add, round);
    if (r != round + offset) log.infoInt("wrong closure", r);
    if (round % 1_000 == 0) log.infoInt("rounds", round);
    await Timer.after(Duration.millis(1)); // a round a millisecond: virtual time moves
  }
});

export function main(): void {
  churn.spawn();
}
