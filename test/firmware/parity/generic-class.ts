// Parity program (test/parity/): a generic class whose async methods use
// its type parameter across awaits, one object per type argument, and a
// subclass that fixes the type.
import { Timer, Duration, log, task } from "outpost";

class Latch<T> {
  held: T;
  count: i32 = 0;
  constructor(initial: T) {
    this.held = initial;
  }

  async swap(v: T, ms: i32): Promise<T> {
    const old = this.held;
    await Timer.after(Duration.millis(ms));
    this.held = v;
    this.count++;
    return old;
  }
}

class IntLatch extends Latch<i32> {
  async bump(by: i32): Promise<i32> {
    return (await this.swap(this.held + by, 1)) * 100 + this.held;
  }
}

const a = new Latch<i64>(1);
const b = new Latch<bool>(false);
const c = new IntLatch(3);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-class i64", await a.swap(6_000_000_000, 2));
  log.infoInt("generic-class i64 held", a.held);
  log.infoInt("generic-class bool", (await b.swap(true, 1)) ? 1 : 0);
  log.infoInt("generic-class bool held", b.held ? 1 : 0);
  log.infoInt("generic-class bump", await c.bump(4));
  log.infoInt("generic-class counts", a.count + b.count + c.count);
});

export function main(): void {
  user.spawn();
}
