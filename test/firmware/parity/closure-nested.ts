// Parity program (test/parity/): closures nested in a method's closure read
// `this`, the method's parameter and the outer closure's; parameters named
// like the lowering's own (`at`, `frame`, `owner`, `recv`, `k`) stay the user's.
import { Timer, Duration, task, log } from "outpost";
class Counter {
  n: i32 = 10;
  async bump(by: i32): Promise<i32> {
    const add = async (k: i32): Promise<i32> => {
      const inner = async (): Promise<i32> => { await Timer.after(Duration.millis(1)); return this.n + k + by; };
      return (await inner()) * 2;
    };
    this.n = await add(3);
    return this.n;
  }
  async take(owner: i32, recv: i32): Promise<i32> { await Timer.after(Duration.millis(1)); return owner + recv; }
}
class Sub extends Counter {
  async take(owner: i32, recv: i32): Promise<i32> { await Timer.after(Duration.millis(2)); return owner * recv; }
}
const c = new Counter();
const s: Counter = new Sub();
function make(base: i32): (at: i32, frame: i32) => Promise<i32> {
  return async (at: i32, frame: i32): Promise<i32> => { await Timer.after(Duration.millis(at)); return base + at + frame; };
}
const f = make(100);
export const t = task(1, async (): Promise<void> => {
  log.infoInt("closure-nested a", await c.bump(1));
  log.infoInt("closure-nested b", await c.bump(2));
  log.infoInt("closure-nested c", await f(5, 7));
  log.infoInt("closure-nested d", await c.take(3, 4));
  log.infoInt("closure-nested e", await s.take(3, 4));
});
export function main(): void { t.spawn(); }
