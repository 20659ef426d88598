// Library module for test/firmware/async-modules.ts: async functions, an
// async trait and a class implementing it, exported to another file.
import { Timer, Duration, Mutex, log } from "outpost";

export interface Store {
  put(v: i32): Promise<void>;
  total(): i32;
}

/** A store whose writes take 2 ms each and are serialised by a mutex. */
export class SlowStore implements Store {
  private sum: i32 = 0;
  private lock: Mutex = new Mutex(4, "store");
  async put(v: i32): Promise<void> {
    await this.lock.lock();
    try {
      await Timer.after(Duration.millis(2));
      this.sum += v;
    } finally {
      this.lock.unlock();
    }
  }
  total(): i32 {
    return this.sum;
  }
}

export async function delayed(v: i32, ms: i64): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return v;
}

export async function logged(label: string, v: i32): Promise<void> {
  log.infoInt(label, await delayed(v, 1));
}
