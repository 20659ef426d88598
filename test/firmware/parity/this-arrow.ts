// Parity program (test/parity/): an async method makes an async arrow that
// reads and writes `this` across awaits and calls it several times and
// passes it to a helper, each call seeing the object's current fields.
import { Timer, Duration, log, task } from "outpost";

async function twice(f: (n: i32) => Promise<i32>, n: i32): Promise<i32> {
  const a = await f(n);
  return a + (await f(n + 1));
}

class Meter {
  total: i32 = 0;
  constructor(public scale: i32) {}

  async run(rounds: i32): Promise<i32> {
    const add = async (n: i32): Promise<i32> => {
      await Timer.after(Duration.millis(n));
      this.total += n * this.scale;
      return this.total;
    };
    for (let i = 1; i <= rounds; i++) log.infoInt("this-arrow step", await add(i));
    log.infoInt("this-arrow twice", await twice(add, 1));
    return this.total;
  }
}

const m = new Meter(10);
const k = new Meter(100);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("this-arrow m", await m.run(2));
  log.infoInt("this-arrow k", await k.run(1));
  log.infoInt("this-arrow totals", m.total + k.total);
});

export function main(): void {
  user.spawn();
}
