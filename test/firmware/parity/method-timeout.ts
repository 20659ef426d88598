// Parity program (test/parity/): withTimeout and select around async method
// calls and an async closure call: the late ones are cancelled (their
// finally runs) and the object stays usable.
import { Timer, Duration, withTimeout, select, log, task } from "outpost";

class Modem {
  busy: bool = false;
  async dial(ms: i32): Promise<i32> {
    this.busy = true;
    try {
      await Timer.after(Duration.millis(ms));
      return ms;
    } finally {
      this.busy = false;
      log.infoInt("method-timeout hung up", ms);
    }
  }
}

const modem = new Modem();

export const user = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(5), modem.dial(8));
  await t;
  log.infoInt("method-timeout timed out", t.timedOut ? 1 : 0);
  log.infoInt("method-timeout busy", modem.busy ? 1 : 0);
  const quick = async (): Promise<i32> => await modem.dial(2);
  const w = await select(quick(), modem.dial(9));
  log.infoInt("method-timeout winner", w);
  log.infoInt("method-timeout busy after", modem.busy ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
