// Test firmware for test/lower/methods.test.ts: async methods in classes,
// async methods of a trait (interface) called through dynamic dispatch, a
// HAL trait (Read) implemented with async syntax, static async methods,
// and a task declared over a named async function.
import { Timer, Duration, log, task } from "outpost";
import { Read } from "outpost/hal";

/** A trait with an async method. */
interface Sensor {
  sample(scale: i32): Promise<i32>;
}

class SlowSensor implements Sensor {
  reads: i32 = 0;
  async sample(scale: i32): Promise<i32> {
    await Timer.after(Duration.millis(10));
    this.reads++;
    return this.reads * scale;
  }
}

class FastSensor implements Sensor {
  constructor(public base: i32) {}
  async sample(scale: i32): Promise<i32> {
    return this.base * scale;
  }
}

/** The HAL's Read trait, implemented with async syntax: one byte per ms, counting up. */
class Counter implements Read {
  private n: u8 = 0;
  async read(buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): Promise<i32> {
    await Timer.after(Duration.millis(1));
    buf[start] = this.n++;
    return 1;
  }

  static async twice(c: Counter, buf: StaticArray<u8>): Promise<i32> {
    const a = await c.read(buf);
    const b = await c.read(buf, 0, 1);
    return a + b + <i32>buf[0];
  }
}

const slow = new SlowSensor();
const fast = new FastSensor(7);
const counter = new Counter();
const buf = new StaticArray<u8>(1);

/** Reaches both traits through interface types: which method runs is decided at run time. */
async function both(s: Sensor, r: Read): Promise<i32> {
  const a = await s.sample(2);
  const n: i32 = await r.read(buf);
  return a * 100 + <i32>buf[0] * 10 + n;
}

async function report(label: string, n: i32): Promise<void> {
  await Timer.after(Duration.millis(n));
  log.infoInt(label, n);
}

export const traits = task(1, async (): Promise<void> => {
  log.infoInt("slow", await both(slow, counter));
  log.infoInt("fast", await both(fast, counter));
  log.infoInt("slow", await both(slow, counter));
  log.infoInt("twice", await Counter.twice(counter, buf));
});

/** A task whose body is a named async function. */
export const reporter = task(2, report);

export function main(): void {
  traits.spawn();
  reporter.spawn("report", 3);
  reporter.spawn("again", 5);
}
