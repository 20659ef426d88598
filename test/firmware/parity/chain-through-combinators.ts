// Parity program (test/parity/): an error thrown deep in a call chain passes up through a withTimeout, a select and a join in the middle of the chain to the catch that handles it, and the finally blocks on the way run in order.
import { Timer, Duration, select, join, withTimeout, log, task } from "outpost";

class FaultError extends Error {
  constructor(public level: i32) {
    super("chain-through-combinators fault");
  }
}
const FAULT = new FaultError(5);

async function leaf(mode: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (mode == 1) throw FAULT;
  return 7;
}

async function viaTimeout(mode: i32): Promise<i32> {
  try {
    const t = withTimeout(Duration.millis(20), leaf(mode));
    await t;
    if (t.timedOut) return -1;
    return t.inner!.value + 1;
  } finally {
    log.infoInt("chain-through-combinators timeout layer finally", mode);
  }
}

async function idle(ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    return 0;
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("chain-through-combinators idle cleanup", ms);
  }
}

async function viaSelect(mode: i32): Promise<i32> {
  const a = viaTimeout(mode);
  const b = idle(50);
  const w = await select(a, b);
  return w == 0 ? a.value + 10 : -2;
}

async function viaJoin(mode: i32): Promise<i32> {
  const a = viaSelect(mode);
  const b = idle(30);
  try {
    await join(a, b);
    return a.value + b.value + 100;
  } finally {
    log.infoInt("chain-through-combinators join layer finally", mode);
  }
}

async function top(mode: i32): Promise<i32> {
  try {
    return await viaJoin(mode);
  } catch (e) {
    if (e instanceof FaultError) {
      await Timer.after(Duration.millis(1));
      return -(e as FaultError).level;
    }
    throw e;
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("chain-through-combinators ok", await top(0));
  log.infoInt("chain-through-combinators failed", await top(1));
});

export function main(): void {
  user.spawn();
}
