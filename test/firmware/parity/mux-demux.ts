// Parity program (test/parity/): two producer tasks tag their bytes with a
// channel bit and share one Channel<u8> at the same instants; a demux task
// splits them by the tag into per-source running sums guarded by a Mutex
// that a reporter task also takes across an await.
import { Timer, Duration, Channel, Mutex, log, task } from "outpost";

const bus = new Channel<u8>(3, 4, "bus");
const lock = new Mutex(4, "stats");
const sums: StaticArray<i32> = [0, 0];
const counts: StaticArray<i32> = [0, 0];

async function produce(tag: u8, base: i32, n: i32): Promise<void> {
  for (let i = 0; i < n; i++) {
    await bus.send(<u8>(tag | ((base + i) & 0x7f)));
    if ((i & 1) == 1) await Timer.after(Duration.millis(1));
  }
}

export const left = task(1, async (): Promise<void> => {
  await produce(0, 10, 6);
});

export const right = task(1, async (): Promise<void> => {
  await produce(0x80, 100, 5);
});

export const demux = task(1, async (): Promise<void> => {
  for (let i = 0; i < 11; i++) {
    const b = await bus.receive();
    const src = b >> 7;
    await lock.lock();
    sums[src] += b & 0x7f;
    counts[src]++;
    await Timer.after(Duration.micros(300));
    lock.unlock();
    log.info(`mux-demux got src=${src} val=${b & 0x7f} sum=${sums[src]}`);
  }
});

export const reporter = task(1, async (): Promise<void> => {
  for (let r = 0; r < 3; r++) {
    await Timer.after(Duration.micros(1500));
    await lock.lock();
    const a = sums[0];
    await Timer.after(Duration.micros(200));
    log.info(`mux-demux report ${r} left=${a}/${counts[0]} right=${sums[1]}/${counts[1]}`);
    lock.unlock();
  }
});

export function main(): void {
  left.spawn();
  right.spawn();
  demux.spawn();
  reporter.spawn();
}
