// Parity program (test/parity/): an async method dispatching on a command
// with a switch whose cases return awaited calls of other async methods of
// `this`, unawaited and awaited.
import { Timer, Duration, log, task } from "outpost";

class Device {
  level: i32 = 0;

  async up(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    this.level += n;
    return this.level;
  }

  async down(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    this.level -= n;
    return this.level;
  }

  async command(c: i32): Promise<i32> {
    switch (c) {
      case 0:
        return await this.up(5);
      case 1:
        return this.down(2);
      case 2: {
        const a = await this.up(1);
        return a + (await this.down(1));
      }
      default:
        return -1;
    }
  }
}

const device = new Device();

export const user = task(1, async (): Promise<void> => {
  for (let c = 0; c < 4; c++) log.infoInt("method-switch result", await device.command(c));
});

export function main(): void {
  user.spawn();
}
