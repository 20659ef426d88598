// Parity program (test/parity/): withTimeout results in a loop: timedOut
// and the kept future's .value (read only when it finished), a value
// computed from them kept across the next awaits, and a cancelled call's
// finally seen before the loop goes on.
import { Timer, Duration, withTimeout, log, task } from "outpost";

class Pump {
  level: i32 = 0;
  async fill(ms: i32): Promise<i32> {
    try {
      await Timer.after(Duration.millis(ms));
      this.level += ms;
      return this.level;
    } finally {
      log.infoInt("timeout-values fill finally", ms);
    }
  }
}

const pump = new Pump();

export const user = task(1, async (): Promise<void> => {
  let best = -1;
  let misses: u8 = 0;
  for (let i = 1; i <= 6; i++) {
    const f = pump.fill(i);
    const t = withTimeout(Duration.millis(4), f);
    await t;
    const got = t.timedOut ? -1 : f.value;
    await Timer.after(Duration.millis(1));
    if (t.timedOut) misses++;
    else if (got > best) best = got;
    log.info(`timeout-values ${i} timedOut=${t.timedOut} got=${got} level=${pump.level}`);
  }
  log.info(`timeout-values best=${best} misses=${misses}`);
});

export function main(): void {
  user.spawn();
}
