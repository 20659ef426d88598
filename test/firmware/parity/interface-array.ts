// Parity program (test/parity/): an array of objects behind an interface
// with an async method, made at init, is walked with for … of and awaited
// in turn, and each call reaches its own class's method.
import { Timer, Duration, log, task } from "outpost";

interface Probe {
  read(scale: i32): Promise<i32>;
}

class Fast implements Probe {
  constructor(public id: i32) {}
  async read(scale: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return this.id * scale;
  }
}

class Slow implements Probe {
  count: i32 = 0;
  async read(scale: i32): Promise<i32> {
    this.count++;
    await Timer.after(Duration.millis(5));
    return -this.count * scale;
  }
}

const probes: Probe[] = [new Fast(1), new Slow(), new Fast(3), new Slow()];

export const user = task(1, async (): Promise<void> => {
  for (let round = 1; round <= 2; round++) {
    let sum = 0;
    for (const p of probes) {
      const v = await p.read(round);
      log.infoInt("interface-array read", v);
      sum += v;
    }
    log.infoInt("interface-array sum", sum);
  }
});

export function main(): void {
  user.spawn();
}
