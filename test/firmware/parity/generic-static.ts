// Parity program (test/parity/): an async static method of a class calls a
// generic async function and an async method of a generic class at two
// type arguments, keeping results in locals across awaits.
import { Timer, Duration, log, task } from "outpost";

class Cell<T> {
  constructor(public v: T) {}
  async swap(next: T): Promise<T> {
    const old = this.v;
    await Timer.after(Duration.millis(1));
    this.v = next;
    return old;
  }
}

async function settle<T>(c: Cell<T>, a: T, b: T): Promise<T> {
  await c.swap(a);
  return await c.swap(b);
}

const ints = new Cell<i32>(1);
const wides = new Cell<i64>(2);

class Tool {
  static runs: i32 = 0;
  static async exercise(n: i32): Promise<i64> {
    Tool.runs++;
    const a = await settle<i32>(ints, n, n + 1);
    const b = await settle<i64>(wides, <i64>n * 10_000_000_000, 5);
    return <i64>a + b;
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-static first", await Tool.exercise(3));
  log.infoInt("generic-static second", await Tool.exercise(4));
  log.infoInt("generic-static state", <i64>ints.v * 100 + wides.v + Tool.runs);
});

export function main(): void {
  user.spawn();
}
