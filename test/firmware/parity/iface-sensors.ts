// Parity program (test/parity/): sensors behind an interface with async
// methods, kept in an array of the interface type and averaged in a loop;
// a static counter and a getter/setter pair read and written around awaits.
import { Timer, Duration, log, task } from "outpost";

interface Sensor {
  read(): Promise<i32>;
  id(): i32;
}

class Registry {
  static reads: i32 = 0;
  private static _scale: i32 = 1;
  static get scale(): i32 {
    return Registry._scale;
  }
  static set scale(v: i32) {
    Registry._scale = v;
  }
}

class Thermo implements Sensor {
  constructor(private base: i32) {}
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    Registry.reads++;
    this.base += 3;
    return this.base * Registry.scale;
  }
  id(): i32 {
    return 1;
  }
}

class Hygro implements Sensor {
  private n: i32 = 0;
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    Registry.reads += 2;
    this.n++;
    return 40 + (this.n & 1) * 10;
  }
  id(): i32 {
    return 2;
  }
}

const sensors: Sensor[] = [new Thermo(20), new Hygro(), new Thermo(-5)];

async function average(s: Sensor, n: i32): Promise<i32> {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += await s.read();
  return acc >> 2;
}

export const user = task(1, async (): Promise<void> => {
  for (let round = 0; round < 2; round++) {
    for (const s of sensors) {
      const avg = await average(s, 4);
      log.info(`iface-sensors round ${round} id ${s.id()} avg ${avg} reads ${Registry.reads} scale ${Registry.scale}`);
    }
    Registry.scale = Registry.scale * 2 + ((await sensors[1].read()) >> 5);
  }
  log.info(`iface-sensors end reads ${Registry.reads} scale ${Registry.scale}`);
});

export function main(): void {
  user.spawn();
}
