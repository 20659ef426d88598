// Parity program (test/parity/): a dispatcher hands jobs from a channel to a
// pool of 3 workers, waiting for a free slot when all are busy; workers
// report back on a second channel.
import { Timer, Duration, Channel, Signal, log, task } from "outpost";

const jobs = new Channel<i32>(4, 4, "jobs");
const done = new Channel<i32>(8, 4, "done");
const freed = new Signal<i32>("freed");
const sizes: StaticArray<i32> = [5, 3, 4, 2, 6, 1, 3];

export const worker = task(3, async (job: i32): Promise<void> => {
  try {
    await Timer.after(Duration.millis(job));
    await done.send(job * 10);
  } finally {
    freed.signal(job);
  }
});

export const dispatcher = task(1, async (): Promise<void> => {
  for (let i = 0; i < 7; i++) {
    const job = await jobs.receive();
    while (!worker.trySpawn(job)) {
      const f = await freed.wait();
      log.infoInt("dispatcher-pool freed", f);
    }
    log.infoInt("dispatcher-pool dispatched", job);
  }
});

export const producer = task(1, async (): Promise<void> => {
  for (let i = 0; i < sizes.length; i++) await jobs.send(sizes[i]);
});

export const collector = task(1, async (): Promise<void> => {
  let total = 0;
  for (let i = 0; i < 7; i++) {
    const r = await done.receive();
    total += r;
    log.infoInt("dispatcher-pool result", r);
  }
  log.infoInt("dispatcher-pool total", total);
});

export function main(): void {
  dispatcher.spawn();
  producer.spawn();
  collector.spawn();
}
