// Parity program (test/parity/): an async counting semaphore class built on
// a Signal, with acquire/release methods, limits three workers to two
// concurrent users of a resource, released in finally blocks.
import { Timer, Duration, Signal, log, task } from "outpost";

class Semaphore {
  inUse: i32 = 0;
  peak: i32 = 0;
  private freed: Signal<i32> = new Signal<i32>("freed");
  constructor(public permits: i32) {}
  async acquire(who: i32): Promise<void> {
    while (this.inUse >= this.permits) {
      await this.freed.wait();
    }
    this.inUse++;
    if (this.inUse > this.peak) this.peak = this.inUse;
    log.info(`semaphore acquire ${who} inUse=${this.inUse}`);
  }
  release(who: i32): void {
    this.inUse--;
    log.infoInt("semaphore release", who * 10 + this.inUse);
    this.freed.signal(who);
  }
}

const sem = new Semaphore(2);

async function useResource(who: i32, ms: i32): Promise<i32> {
  await sem.acquire(who);
  try {
    await Timer.after(Duration.millis(ms));
    return who * ms;
  } finally {
    sem.release(who);
  }
}

export const w1 = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) log.infoInt("semaphore w1 got", await useResource(1, 3));
});
export const w2 = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) log.infoInt("semaphore w2 got", await useResource(2, 5));
});
export const w3 = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  for (let i = 0; i < 2; i++) log.infoInt("semaphore w3 got", await useResource(3, 2));
  await Timer.after(Duration.millis(20));
  log.infoInt("semaphore peak", sem.peak);
});

export function main(): void {
  w1.spawn();
  w2.spawn();
  w3.spawn();
}
