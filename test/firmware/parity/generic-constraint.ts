// Parity program (test/parity/): a generic async function constrained to a
// base class (`T extends Sensor`) awaits the base class's async method on
// its argument, instantiated with two subclasses.
import { Timer, Duration, log, task } from "outpost";

class Sensor {
  reads: i32 = 0;
  async read(): Promise<i32> {
    this.reads++;
    await Timer.after(Duration.millis(1));
    return this.reads;
  }
}
class Thermo extends Sensor {
  offset: i32 = 100;
}
class Hygro extends Sensor {
  scale: i32 = 2;
}

async function total<T extends Sensor>(s: T, n: i32): Promise<i32> {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await s.read();
  return sum;
}

const t = new Thermo();
const h = new Hygro();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-constraint thermo", (await total<Thermo>(t, 3)) + t.offset);
  log.infoInt("generic-constraint hygro", (await total<Hygro>(h, 4)) * h.scale);
  log.infoInt("generic-constraint reads", t.reads * 10 + h.reads);
});

export function main(): void {
  user.spawn();
}
