// Parity program (test/parity/): an object with an async `next()` (the
// async iterator protocol) drives `for await … of`; its iteration ends when
// next() reports done.
import { Timer, Duration, log, task } from "outpost";

class Countdown {
  private left: i32;
  constructor(from: i32) {
    this.left = from;
  }

  [Symbol.asyncIterator](): Countdown {
    return this;
  }

  async next(): Promise<IteratorResult<i32>> {
    await Timer.after(Duration.millis(4));
    if (this.left == 0) return { done: true, value: 0 };
    this.left--;
    return { done: false, value: this.left };
  }
}

const countdown = new Countdown(3);

export const user = task(1, async (): Promise<void> => {
  for await (const n of countdown) log.infoInt("async-next item", n);
  log.infoInt("async-next end", 1);
});

export function main(): void {
  user.spawn();
}
