// Parity program (test/parity/): an everyday mix. A class guards a shared
// counter with a Mutex (lock, await inside try, unlock in finally); two
// calls of an async function that returns early from inside its loop run
// joined; an enum tracks the phase; an async generator feeds a for await
// loop; a Signal hands the total over.
import { Duration, Mutex, Signal, Timer, join, log, task } from "outpost";

enum Phase { Idle, Busy, Done }

class Counter {
  private lock: Mutex = new Mutex(4, "counter");
  value: i32 = 0;
  async add(n: i32): Promise<i32> {
    await this.lock.lock();
    try {
      const before = this.value;
      await Timer.after(Duration.millis(1));
      this.value = before + n;
      return this.value;
    } finally {
      this.lock.unlock();
    }
  }
}

const counter = new Counter();
const finished = new Signal<i32>("finished");
let phase: Phase = Phase.Idle;

async function work(id: i32, times: i32): Promise<i32> {
  let last = 0;
  for (let i = 0; i < times; i++) {
    last = await counter.add(id);
    if (last > 20) return -last;
  }
  return last;
}

async function* lines(n: i32): AsyncGenerator<i32, void, void> {
  for (let i = 0; i < n; i++) {
    await Timer.after(Duration.millis(3));
    yield i * i;
  }
}

export const runner = task(1, async (): Promise<void> => {
  phase = Phase.Busy;
  const a = work(3, 4);
  const b = work(5, 4);
  await join(a, b);
  log.info(`counter-pipeline a=${a.value} b=${b.value} total=${counter.value}`);
  phase = Phase.Done;
  finished.signal(counter.value);
});

export const watcher = task(1, async (): Promise<void> => {
  let sum = 0;
  for await (const sq of lines(4)) {
    sum += sq;
    log.info(`counter-pipeline square ${sq} phase ${phase}`);
  }
  const total = await finished.wait();
  log.info(`counter-pipeline watcher ${sum} ${total} ${phase == Phase.Done}`);
});

export function main(): void {
  runner.spawn();
  watcher.spawn();
}
