// Parity program (test/parity/): `continue` inside a try/finally in a
// do … while runs the awaiting finally, then evaluates the awaiting
// condition; `break` skips the condition.
import { Timer, Duration, log, task } from "outpost";

async function more(n: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  log.infoInt("do-while-finally cond", n);
  return n < 6;
}

export const user = task(1, async (): Promise<void> => {
  let n = 0;
  do {
    n++;
    try {
      await Timer.after(Duration.millis(2));
      if (n % 2 == 0) continue;
      if (n == 5) break;
      log.infoInt("do-while-finally body", n);
    } finally {
      await Timer.after(Duration.millis(1));
      log.infoInt("do-while-finally finally", n);
    }
    log.infoInt("do-while-finally tail", n);
  } while (await more(n));
  log.infoInt("do-while-finally end", n);
});

export function main(): void {
  user.spawn();
}
