// Parity program (test/parity/): a watchdog wraps each step of a boot
// sequence in withTimeout; a step that times out runs its recovery (which
// may itself time out) and the sequence goes on, with finally cleanups.
import { Timer, Duration, withTimeout, log, task } from "outpost";

class Step {
  runs: i32 = 0;
  constructor(public name: string, public ms: i32, public recoverMs: i32) {}
  async run(): Promise<i32> {
    this.runs++;
    try {
      await Timer.after(Duration.millis(this.ms / this.runs));
      return this.runs;
    } finally {
      log.info(`watchdog-steps ${this.name} cleanup run ${this.runs}`);
    }
  }
  async recover(): Promise<void> {
    await Timer.after(Duration.millis(this.recoverMs));
    log.info(`watchdog-steps ${this.name} recovered`);
  }
}

const steps: StaticArray<Step> = [new Step("clock", 2, 1), new Step("radio", 8, 2), new Step("flash", 12, 9), new Step("sensor", 3, 1)];

export const user = task(1, async (): Promise<void> => {
  let failures = 0;
  for (const s of steps) {
    let ok = false;
    for (let attempt = 0; attempt < 2 && !ok; attempt++) {
      const op = s.run();
      const w = withTimeout(Duration.millis(5), op);
      await w;
      if (!w.timedOut) {
        ok = true;
        log.info(`watchdog-steps ${s.name} ok after ${op.value}`);
      } else {
        failures++;
        const r = withTimeout(Duration.millis(4), s.recover());
        await r;
        if (r.timedOut) log.info(`watchdog-steps ${s.name} recovery timed out`);
      }
    }
  }
  log.infoInt("watchdog-steps failures", failures);
});

export function main(): void {
  user.spawn();
}
