// Parity program (test/parity/): nested try/catch/finally where a catch inside a finally returns, overriding an error pending in the outer try.
import { Timer, Duration, log, task } from "outpost";

async function tick(n: i32): Promise<void> {
  await Timer.after(Duration.millis(n));
}

async function flush(fail: bool): Promise<void> {
  await tick(1);
  if (fail) throw new Error("nested-finally-flow flush failed");
}

async function transfer(mode: i32): Promise<i32> {
  try {
    await tick(2);
    if (mode == 1) throw new Error("nested-finally-flow transfer failed");
    if (mode == 2) return 20;
    log.infoInt("nested-finally-flow body end", mode);
  } finally {
    try {
      await flush(mode >= 1);
      log.infoInt("nested-finally-flow flushed", mode);
    } catch (e) {
      log.info((e as Error).message);
      if (mode == 1) return -1;
    } finally {
      await tick(1);
      log.infoInt("nested-finally-flow inner finally", mode);
    }
    log.infoInt("nested-finally-flow after inner", mode);
  }
  return 0;
}

export const user = task(1, async (): Promise<void> => {
  for (let m = 0; m < 3; m++) {
    try {
      log.infoInt("nested-finally-flow result", await transfer(m));
    } catch (e) {
      log.info((e as Error).message);
    }
  }
});

export function main(): void {
  user.spawn();
}
