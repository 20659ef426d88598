// Parity program (test/parity/): a `for…of` over an array of sensor
// objects awaits a read per element, `continue`s past disabled ones,
// `break`s on a fault, and keeps the loop variable's fields across the
// await.
import { Timer, Duration, log, task } from "outpost";

class Sensor {
  reads: i32 = 0;
  constructor(public id: i32, public enabled: bool, public faultAt: i32) {}
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(this.id));
    this.reads++;
    return this.reads == this.faultAt ? -1 : this.id * 10 + this.reads;
  }
}

const sensors: StaticArray<Sensor> = [new Sensor(1, true, 3), new Sensor(2, false, 0), new Sensor(3, true, 2), new Sensor(4, true, 0)];

export const user = task(1, async (): Promise<void> => {
  for (let pass = 0; pass < 3; pass++) {
    let sum = 0;
    let seen = 0;
    for (const s of sensors) {
      if (!s.enabled) continue;
      const v = await s.read();
      if (v < 0) {
        log.info(`forof-objects fault at sensor ${s.id} pass ${pass}`);
        break;
      }
      sum += v;
      seen++;
      if (s.reads > 2) {
        s.enabled = false;
        continue;
      }
      log.info(`forof-objects sensor ${s.id} value ${v}`);
    }
    log.info(`forof-objects pass ${pass} sum=${sum} seen=${seen}`);
  }
});

export function main(): void {
  user.spawn();
}
