// Parity program (test/parity/): a generic class implements an interface's
// async method and is used beside a plain implementation through an array
// of the interface walked with for … of.
import { Timer, Duration, log, task } from "outpost";

interface Gauge {
  measure(): Promise<i32>;
}

class Fixed implements Gauge {
  constructor(public v: i32) {}
  async measure(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return this.v;
  }
}

class Scaled<T> implements Gauge {
  constructor(public raw: T, public factor: i32) {}
  async measure(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return <i32>this.raw * this.factor;
  }
}

const gauges: Gauge[] = [new Fixed(3), new Scaled<i32>(4, 10), new Scaled<i64>(5, 100)];

export const user = task(1, async (): Promise<void> => {
  let total = 0;
  for (const g of gauges) {
    const v = await g.measure();
    log.infoInt("generic-impl value", v);
    total += v;
  }
  log.infoInt("generic-impl total", total);
});

export function main(): void {
  user.spawn();
}
