// Parity program (test/parity/): an interface extending another, and a
// class implementing two interfaces, each with async methods, called
// through values of each interface type.
import { Timer, Duration, log, task } from "outpost";

interface Readable {
  read(): Promise<i32>;
}

interface Resettable {
  reset(to: i32): Promise<void>;
}

interface Counter extends Readable {
  bump(by: i32): Promise<i32>;
}

class Tally implements Counter, Resettable {
  n: i32 = 0;
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return this.n;
  }
  async bump(by: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    this.n += by;
    return await this.read();
  }
  async reset(to: i32): Promise<void> {
    await Timer.after(Duration.millis(2));
    this.n = to;
  }
}

const tally = new Tally();
const asCounter: Counter = tally;
const asReadable: Readable = tally;
const asResettable: Resettable = tally;

export const user = task(1, async (): Promise<void> => {
  log.infoInt("interface-extends bump", await asCounter.bump(3));
  log.infoInt("interface-extends read", await asReadable.read());
  await asResettable.reset(10);
  log.infoInt("interface-extends counter read", await asCounter.read());
  log.infoInt("interface-extends bump", await asCounter.bump(5));
});

export function main(): void {
  user.spawn();
}
