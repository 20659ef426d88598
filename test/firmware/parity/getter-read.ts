// Parity program (test/parity/): a class's getter read in async code,
// next to awaits and in template text, gives the value of the fields at
// the moment it is read.
import { Timer, Duration, log, task } from "outpost";

class Tank {
  litres: i32 = 10;
  get empty(): bool {
    return this.litres <= 0;
  }
  get triple(): i32 {
    return this.litres * 3;
  }
  async drain(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(n));
    this.litres -= n * 2;
    return this.litres;
  }
}

const tank = new Tank();

export const user = task(1, async (): Promise<void> => {
  while (!tank.empty) {
    const before = tank.triple;
    log.infoInt("getter-read left", (await tank.drain(2)) * 100 + before);
  }
  log.info(`getter-read empty=${tank.empty ? 1 : 0} triple=${tank.triple}`);
});

export function main(): void {
  user.spawn();
}
