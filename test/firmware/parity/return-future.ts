// Parity program (test/parity/): an async function returning another async
// call's future unawaited (`return g(x)`, `return this.read()`, an async
// arrow whose body is `g(x)`) gives that call's value, as JavaScript adopts
// a returned promise; `return await g(x)` and expression bodies without a
// call do the same.
import { Timer, Duration, log, task } from "outpost";

async function g(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(x));
  log.infoInt("return-future g", x);
  return x * 3;
}

async function pass(x: i32): Promise<i32> {
  log.infoInt("return-future pass", x);
  return g(x + 1);
}

async function pick(x: i32): Promise<i32> {
  if (x > 2) return await g(x);
  await Timer.after(Duration.millis(1));
  if (x == 2) return g(1);
  return x;
}

class Meter {
  base: i32 = 5;
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return this.base;
  }
  async readTwice(): Promise<i32> {
    this.base += 1;
    return this.read();
  }
}

const meter = new Meter();
const inc = async (x: i32): Promise<i32> => x + 1;
const later = async (x: i32): Promise<i32> => g(x);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("return-future a", await pass(1));
  log.infoInt("return-future b", await pick(1));
  log.infoInt("return-future c", await pick(4));
  log.infoInt("return-future d", await pick(2));
  log.infoInt("return-future e", await inc(5));
  log.infoInt("return-future f", await later(2));
  log.infoInt("return-future h", await meter.readTwice());
});

export function main(): void {
  user.spawn();
}
