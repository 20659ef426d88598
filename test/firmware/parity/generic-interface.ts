// Parity program (test/parity/): a generic interface's async method
// (`Source<T>.next()`), implemented by two classes at one type, is awaited
// through values typed by the interface.
import { Timer, Duration, log, task } from "outpost";

interface Source<T> {
  next(): Promise<T>;
}

class Counter implements Source<i32> {
  n: i32 = 0;
  async next(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return ++this.n;
  }
}

class Squares implements Source<i32> {
  n: i32 = 0;
  async next(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    this.n++;
    return this.n * this.n;
  }
}

const sources: StaticArray<Source<i32>> = [new Counter(), new Squares()];

async function sum(s: Source<i32>, k: i32): Promise<i32> {
  let total = 0;
  for (let i = 0; i < k; i++) total += await s.next();
  return total;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) log.infoInt("generic-interface sum", await sum(sources[i], 3));
});

export function main(): void {
  user.spawn();
}
