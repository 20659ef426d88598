// Parity program (test/parity/): a non-generic class extends a generic
// class instantiation (`class Thermo extends Reg<i32>`), adds its own async
// method that awaits the inherited one, and both are called on the
// subclass type.
import { Timer, Duration, log, task } from "outpost";

class Reg<T> {
  reads: i32 = 0;
  constructor(public v: T) {}
  async read(ms: i32): Promise<T> {
    await Timer.after(Duration.millis(ms));
    this.reads++;
    return this.v;
  }
}

class Thermo extends Reg<i32> {
  async celsius(): Promise<i32> {
    const raw = await this.read(2);
    return raw - 273;
  }
}

const t = new Thermo(300);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("extends-generic raw", await t.read(1));
  log.infoInt("extends-generic celsius", await t.celsius());
  t.v = 310;
  const c = await t.celsius();
  await Timer.after(Duration.millis(1));
  log.info(`extends-generic ${c} reads=${t.reads}`);
});

export function main(): void {
  user.spawn();
}
