// Parity program (test/parity/): tasks spawned with arguments of several
// types (i64, bool, string, an object) keep them across their awaits.
import { Timer, Duration, log, task } from "outpost";

class Config {
  constructor(public period: i32) {}
}

const slow = new Config(4);
const fast = new Config(1);

export const runner = task(2, async (id: i64, loud: bool, label: string, cfg: Config): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    await Timer.after(Duration.millis(cfg.period));
    log.info(`task-args ${label} id=${id} loud=${loud ? 1 : 0} step=${i}`);
  }
});

export function main(): void {
  runner.spawn(5_000_000_001, true, "slow", slow);
  runner.spawn(-3, false, "fast", fast);
}
