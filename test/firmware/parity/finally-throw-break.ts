// Parity program (test/parity/): a finally block that throws after an
// await replaces a pending `break`, `continue` or `return`: the loop is
// left by the error, which the outer catch receives.
import { Timer, Duration, log, task } from "outpost";

const fault = new Error("finally-throw-break fault");

async function tick(): Promise<void> {
  await Timer.after(Duration.millis(1));
}

async function run(mode: i32): Promise<i32> {
  for (let i = 0; i < 3; i++) {
    try {
      await tick();
      if (mode == 0) break;
      if (mode == 1) continue;
      return 5;
    } finally {
      await tick();
      log.infoInt("finally-throw-break finally", mode * 10 + i);
      if (i == 1 || mode != 1) throw fault;
    }
  }
  return -1;
}

export const user = task(1, async (): Promise<void> => {
  for (let mode = 0; mode < 3; mode++) {
    try {
      log.infoInt("finally-throw-break never", await run(mode));
    } catch (e) {
      log.info((e as Error).message);
    }
  }
});

export function main(): void {
  user.spawn();
}
