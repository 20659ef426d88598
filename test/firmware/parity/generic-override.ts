// Parity program (test/parity/): a generic base class's async method is
// overridden in a subclass that fixes the type argument and calls
// super.method() between its own awaits, called through a base reference.
import { Timer, Duration, log, task } from "outpost";

class Reader<T> {
  constructor(public value: T) {}
  async read(ms: i32): Promise<T> {
    await Timer.after(Duration.millis(ms));
    return this.value;
  }
}

class Doubler extends Reader<i32> {
  override async read(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    const v = await super.read(ms);
    log.infoInt("generic-override inner", v);
    return v * 2;
  }
}

const plain: Reader<i32> = new Reader<i32>(4);
const doubled: Reader<i32> = new Doubler(21);
const readers: StaticArray<Reader<i32>> = [plain, doubled];

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-override plain", await plain.read(2));
  log.infoInt("generic-override doubled", await doubled.read(3));
  let sum = 0;
  for (let i = 0; i < 2; i++) sum += await readers[i].read(1);
  log.infoInt("generic-override sum", sum);
});

export function main(): void {
  user.spawn();
}
