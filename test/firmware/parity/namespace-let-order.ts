// Parity program (test/parity/): a namespace's `let` read left of an await is read before the await, in sums and in text, as a module-level let is; its consts fold.
import { Timer, Duration, log, task } from "outpost";

namespace Cfg {
  export let gain: i32 = 1;
  export const base: i32 = 7;
}

async function bumpGain(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  Cfg.gain += 100;
  return n;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("namespace-let-order sum", Cfg.gain + (await bumpGain(5)));
  log.info(`namespace-let-order text ${Cfg.gain} ${await bumpGain(0)} ${Cfg.gain}`);
  log.infoInt("namespace-let-order const", Cfg.base + (await bumpGain(1)));
});

export function main(): void {
  user.spawn();
}
