// Parity program (test/parity/): a driver grouped in a namespace (a class
// with an async method, an exported async function and an async arrow
// const, an enum) is used from a task through the namespace's name.
import { Timer, Duration, log, task } from "outpost";

namespace drv {
  export enum Mode {
    Slow = 1,
    Fast = 2,
  }

  export class Led {
    flashes: i32 = 0;
    async blink(n: i32): Promise<i32> {
      for (let i = 0; i < n; i++) {
        this.flashes++;
        await Timer.after(Duration.millis(1));
      }
      return this.flashes;
    }
  }

  export async function pause(ms: i32): Promise<Mode> {
    await Timer.after(Duration.millis(ms));
    return ms > 1 ? Mode.Fast : Mode.Slow;
  }

  export const twice = async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(1));
    return x * 2;
  };
}

const led = new drv.Led();

export const user = task(1, async (): Promise<void> => {
  const flashes: i32 = await led.blink(2);
  log.infoInt("namespace-driver blink", flashes);
  const mode: drv.Mode = await drv.pause(2);
  log.infoInt("namespace-driver mode", <i32>mode);
  const doubled: i32 = await drv.twice(21);
  log.infoInt("namespace-driver twice", doubled);
});

export function main(): void {
  user.spawn();
}
