// Parity program (test/parity/): a generic retry helper
// (`retry<T>(f: () => Promise<T>, n)`) calls async arrows made at init that
// fail a few times before succeeding, at two types, and gives up with the
// last error when attempts run out.
import { Timer, Duration, log, task } from "outpost";

let calls = 0;
let flips = 0;

async function retry<T>(f: () => Promise<T>, n: i32): Promise<T> {
  let i = 0;
  while (true) {
    try {
      return await f();
    } catch (e) {
      i++;
      log.infoInt("retry-generic attempt failed", i);
      if (i >= n) throw e;
      await Timer.after(Duration.millis(i));
    }
  }
}

const flaky = async (): Promise<i32> => {
  await Timer.after(Duration.millis(2));
  calls++;
  if (calls < 3) throw new Error("retry-generic flaky");
  return calls * 100;
};

const flipper = async (): Promise<bool> => {
  await Timer.after(Duration.millis(1));
  flips++;
  if (flips % 2 == 1) throw new Error("retry-generic flip");
  return flips > 3;
};

export const user = task(1, async (): Promise<void> => {
  log.infoInt("retry-generic int", await retry<i32>(flaky, 5));
  log.infoInt("retry-generic bool", (await retry<bool>(flipper, 2)) ? 1 : 0);
  log.infoInt("retry-generic bool again", (await retry<bool>(flipper, 2)) ? 1 : 0);
  calls = -10;
  try {
    await retry<i32>(flaky, 2);
  } catch (e) {
    log.info(`retry-generic gave up: ${(e as Error).message}`);
  }
  log.infoInt("retry-generic calls", calls);
});

export function main(): void {
  user.spawn();
}
