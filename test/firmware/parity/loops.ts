// Parity program (test/parity/): loops with break and continue, an early
// return from inside a loop, nested awaits in one expression, and two tasks
// whose wakes tie at the same instants keep their order.
import { Timer, Duration, Yield, log, task } from "outpost";

async function wait(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(n));
  return n;
}

/** Returns early from inside a loop, at the first multiple of `k` above `from`. */
async function firstMultiple(from: i32, k: i32): Promise<i32> {
  for (let i = from; ; i++) {
    await wait(1);
    if (i % k == 0) return i;
  }
}

async function nestedSum(a: i32, b: i32): Promise<i32> {
  const x = (await wait(a)) + (await wait(b));
  return await wait(x);
}

export const left = task(1, async (rounds: i32): Promise<void> => {
  let i = 0;
  while (true) {
    i++;
    if (i > rounds) break;
    if (i % 2 == 0) {
      log.infoInt("loops left skip", i);
      continue;
    }
    log.infoInt("loops left", await wait(4));
  }
  log.infoInt("loops left multiple", await firstMultiple(5, 4));
  log.infoInt("loops left nested", await nestedSum(2, 3));
});

export const right = task(1, async (rounds: i32): Promise<void> => {
  let n = 0;
  do {
    n++;
    await Timer.after(Duration.millis(2));
    log.infoInt("loops right", n);
    if (n == 3) await Yield.now();
  } while (n < rounds);
  const z = await wait(0);
  log.infoInt("loops right zero", z);
});

export function main(): void {
  left.spawn(5);
  right.spawn(6);
}
