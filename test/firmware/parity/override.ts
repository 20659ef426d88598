// Parity program (test/parity/): a subclass overriding a concrete async
// method is dispatched to through a base-class reference, as sync methods
// are.
import { Timer, Duration, log, task } from "outpost";

class Reader {
  async read(x: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return x;
  }
}

class DoubleReader extends Reader {
  async read(x: i32): Promise<i32> {
    await Timer.after(Duration.millis(5));
    return x * 2;
  }
}

const readers: Reader[] = [new Reader(), new DoubleReader(), new Reader()];

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < readers.length; i++) {
    log.infoInt("override read", await readers[i].read(i + 1));
  }
});

export function main(): void {
  user.spawn();
}
