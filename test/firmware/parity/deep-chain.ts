// Parity program (test/parity/): an error thrown six async calls deep is caught at the level whose try handles its code, with finally blocks at the levels in between.
import { Timer, Duration, log, task } from "outpost";

class CodeError extends Error {
  constructor(public code: i32) {
    super("deep-chain code");
  }
}
const E1 = new CodeError(1);
const E2 = new CodeError(2);
const E3 = new CodeError(3);

async function l6(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (n == 1) throw E1;
  if (n == 2) throw E2;
  if (n == 3) throw E3;
  return n;
}
async function l5(n: i32): Promise<i32> {
  try {
    return (await l6(n)) + 1;
  } catch (e) {
    if ((e as CodeError).code == 1) return -5;
    throw e;
  }
}
async function l4(n: i32): Promise<i32> {
  try {
    return (await l5(n)) + 10;
  } finally {
    log.infoInt("deep-chain l4 finally", n);
  }
}
async function l3(n: i32): Promise<i32> {
  const v = await l4(n);
  await Timer.after(Duration.millis(1));
  return v + 100;
}
async function l2(n: i32): Promise<i32> {
  try {
    return await l3(n);
  } catch (e) {
    if ((e as CodeError).code == 2) {
      await Timer.after(Duration.millis(2));
      return -2;
    }
    throw e;
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("deep-chain l2 finally", n);
  }
}
async function l1(n: i32): Promise<i32> {
  return (await l2(n)) + 1000;
}

export const user = task(1, async (): Promise<void> => {
  for (let n = 0; n < 5; n++) {
    try {
      log.infoInt("deep-chain result", await l1(n));
    } catch (e) {
      log.infoInt("deep-chain caught code", (e as CodeError).code);
    }
  }
});

export function main(): void {
  user.spawn();
}
