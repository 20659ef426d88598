// Parity program (test/parity/): an async arrow made in an async method
// captures `this`, a parameter and a local, is passed to a generic helper
// that calls it several times, and sees the object's and local's updates.
import { Timer, Duration, log, task } from "outpost";

async function repeat<T>(f: (k: i32) => Promise<T>, n: i32): Promise<T> {
  let last = await f(0);
  for (let k = 1; k < n; k++) last = await f(k);
  return last;
}

class Meter {
  base: i32;
  hits: i32 = 0;
  constructor(base: i32) {
    this.base = base;
  }
  async measure(scale: i32, n: i32): Promise<i32> {
    let acc = 0;
    const step = async (k: i32): Promise<i32> => {
      await Timer.after(Duration.millis(1 + k));
      this.hits++;
      acc += this.base * scale + k;
      return acc;
    };
    const r = await repeat<i32>(step, n);
    log.infoInt("closure-this-param acc", acc);
    this.base += 1;
    const r2 = await step(10);
    return r + r2;
  }
}

const m1 = new Meter(5);
const m2 = new Meter(100);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("closure-this-param m1", await m1.measure(2, 3));
  log.infoInt("closure-this-param m2", await m2.measure(1, 2));
  log.infoInt("closure-this-param m1 again", await m1.measure(3, 1));
  log.infoInt("closure-this-param hits", m1.hits * 100 + m2.hits);
});

export function main(): void {
  user.spawn();
}
