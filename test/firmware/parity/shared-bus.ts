// Parity program (test/parity/): an I2C-like bus behind a Mutex is shared by
// three periodic tasks with different periods and hold times; one gives up
// on lock() with withTimeout and counts the miss, and every holder unlocks
// in a finally block, also when its transfer throws.
import { Timer, Duration, Mutex, withTimeout, log, task } from "outpost";

class BusError extends Error {
  constructor() {
    super("shared-bus nack");
  }
}

class Bus {
  owner: i32 = 0;
  transfers: i32 = 0;
  readonly lock: Mutex = new Mutex(4, "i2c");
  async transfer(who: i32, bytes: i32): Promise<i32> {
    if (this.owner != 0) log.info(`shared-bus COLLISION ${who} with ${this.owner}`);
    this.owner = who;
    await Timer.after(Duration.micros(bytes * 100));
    this.owner = 0;
    this.transfers++;
    if (bytes == 9) throw new BusError();
    return bytes * who;
  }
}

const bus = new Bus();

async function use(who: i32, bytes: i32): Promise<i32> {
  await bus.lock.lock();
  try {
    return await bus.transfer(who, bytes);
  } finally {
    bus.lock.unlock();
  }
}

export const imu = task(1, async (): Promise<void> => {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    await Timer.after(Duration.millis(2));
    try {
      sum += await use(1, 4 + i);
    } catch (e) {
      log.info(`shared-bus imu ${(e as Error).message} at ${i}`);
    }
  }
  log.info(`shared-bus imu sum=${sum}`);
});

export const display = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await Timer.after(Duration.millis(5));
    const v = await use(2, 30);
    log.info(`shared-bus display frame ${i} -> ${v}`);
  }
});

export const gauge = task(1, async (): Promise<void> => {
  let misses = 0;
  let hits = 0;
  for (let i = 0; i < 6; i++) {
    await Timer.after(Duration.millis(3));
    const t = withTimeout(Duration.millis(1), bus.lock.lock());
    await t;
    if (t.timedOut) {
      misses++;
      log.info(`shared-bus gauge missed ${i} locked=${bus.lock.isLocked()}`);
      continue;
    }
    try {
      hits += (await bus.transfer(3, 5)) > 0 ? 1 : 0;
    } finally {
      bus.lock.unlock();
    }
  }
  log.info(`shared-bus gauge hits=${hits} misses=${misses} transfers=${bus.transfers}`);
});

export function main(): void {
  imu.spawn();
  display.spawn();
  gauge.spawn();
}
