// Parity program (test/parity/): a generic async method (`hold<T>(x: T)`)
// on a plain class is called with inferred type arguments at two types.
import { Timer, Duration, log, task } from "outpost";

class Delay {
  constructor(public ms: i32) {}

  async hold<T>(x: T): Promise<T> {
    await Timer.after(Duration.millis(this.ms));
    return x;
  }
}

class Point {
  constructor(public x: i32, public y: i32) {}
}

const delay = new Delay(3);
const corner = new Point(1, 2);

export const user = task(1, async (): Promise<void> => {
  const n = await delay.hold(42);
  log.infoInt("generic-method number", n);
  const p = await delay.hold(corner);
  log.infoInt("generic-method point", p.x * 10 + p.y);
});

export function main(): void {
  user.spawn();
}
