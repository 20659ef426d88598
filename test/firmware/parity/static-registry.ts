// Parity program (test/parity/): a class with static fields and static
// async methods acts as a device registry: static async init awaits
// instance methods, a static counter changes across awaits, and a static
// readonly default feeds a default parameter.
import { Timer, Duration, log, task } from "outpost";

class Device {
  static readonly DEFAULT_MS: i32 = 3;
  static count: i32 = 0;
  static ready: i32 = 0;
  static last: Device | null = null;
  id: i32;
  up: bool = false;
  constructor(id: i32) {
    this.id = id;
  }
  async boot(ms: i32 = Device.DEFAULT_MS): Promise<bool> {
    Device.count++;
    await Timer.after(Duration.millis(ms));
    this.up = this.id % 2 == 1;
    if (this.up) {
      Device.ready++;
      Device.last = this;
    }
    return this.up;
  }
  static async bootAll(list: StaticArray<Device>, fast: bool = false): Promise<i32> {
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const ok = fast ? await list[i].boot(1) : await list[i].boot();
      if (ok) n++;
      log.info(`static-registry booted ${list[i].id} ok=${ok} count=${Device.count} ready=${Device.ready}`);
    }
    return n;
  }
}

const devs: StaticArray<Device> = [new Device(1), new Device(2), new Device(3)];

export const user = task(1, async (): Promise<void> => {
  const a = await Device.bootAll(devs);
  const b = await Device.bootAll(devs, true);
  const last = Device.last;
  log.info(`static-registry a=${a} b=${b} last=${last != null ? last.id : -1}`);
});

export function main(): void {
  user.spawn();
}
