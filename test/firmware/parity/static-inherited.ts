// Parity program (test/parity/): a static async method inherited by a subclass is called through the subclass, and through a grandchild, as through its own class.
import { Timer, Duration, log, task } from "outpost";

class Driver {
  static async warm(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return n + 1;
  }
}
class SpiDriver extends Driver {}
class FastSpi extends SpiDriver {}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("static-inherited own", await Driver.warm(1));
  log.infoInt("static-inherited child", await SpiDriver.warm(3));
  log.infoInt("static-inherited grandchild", (await FastSpi.warm(5)) + (await SpiDriver.warm(7)));
});

export function main(): void {
  user.spawn();
}
