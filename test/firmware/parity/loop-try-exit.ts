// Parity program (test/parity/): try/catch/finally inside a loop, where the
// catch block awaits and then continues, breaks or returns, runs the
// awaiting finally block before each jump.
import { Timer, Duration, log, task } from "outpost";

async function attempt(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (i % 2 == 1) throw new Error("loop-try-exit odd");
  return i;
}

async function scan(stopAt: i32, returnAt: i32): Promise<i32> {
  let i = 0;
  let got = 0;
  while (i < 8) {
    i++;
    try {
      got += await attempt(i);
      log.infoInt("loop-try-exit got", got);
    } catch (e) {
      await Timer.after(Duration.millis(2));
      if (i == returnAt) return -i;
      if (i == stopAt) break;
      log.infoInt("loop-try-exit skip", i);
      continue;
    } finally {
      await Timer.after(Duration.millis(1));
      log.infoInt("loop-try-exit finally", i);
    }
    log.infoInt("loop-try-exit after", i);
  }
  return got;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("loop-try-exit broke", await scan(5, 99));
  log.infoInt("loop-try-exit returned", await scan(99, 3));
});

export function main(): void {
  user.spawn();
}
