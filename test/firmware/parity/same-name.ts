// Parity program (test/parity/): a class's async methods share their names
// with module-level async functions, which they call unqualified, and with
// each other's classes; each call reaches the function it names.
import { Timer, Duration, log, task } from "outpost";

async function read(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return n + 1000;
}

async function wait(ms: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return ms;
}

class Sensor {
  async read(n: i32): Promise<i32> {
    const a = await read(n);
    await wait(2);
    return a + 1;
  }
  async wait(ms: i32): Promise<i32> {
    return (await wait(ms)) * 10;
  }
}

class Other {
  async read(n: i32): Promise<i32> {
    const s = await sensor.read(n);
    return s + (await this.wait(1));
  }
  async wait(ms: i32): Promise<i32> {
    return (await sensor.wait(ms)) + (await wait(ms));
  }
}

const sensor = new Sensor();
const other = new Other();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("same-name function", await read(1));
  log.infoInt("same-name method", await sensor.read(2));
  log.infoInt("same-name wait", await sensor.wait(1));
  log.infoInt("same-name other", await other.read(3));
});

export function main(): void {
  user.spawn();
}
