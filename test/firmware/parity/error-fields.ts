// Parity program (test/parity/): custom Error subclasses with fields,
// thrown from an abstract async method's override two levels down a class
// hierarchy, reach a catch across super calls, join and select and are
// told apart with instanceof, their fields read after a cast.
import { Timer, Duration, join, select, log, task } from "outpost";

class DeviceError extends Error {
  constructor(public code: i32) {
    super("device");
  }
}

class BusError extends DeviceError {
  constructor(code: i32, public line: i32) {
    super(code);
  }
}

abstract class Sensor {
  abstract read(n: i32): Promise<i32>;
  async sample(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return (await this.read(n)) + 1;
  }
}

class Probe extends Sensor {
  async read(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    if (n == 2) throw new DeviceError(7);
    return n * 10;
  }
}

class WiredProbe extends Probe {
  override async read(n: i32): Promise<i32> {
    if (n == 3) {
      await Timer.after(Duration.millis(1));
      throw new BusError(9, 4);
    }
    return (await super.read(n)) + 100;
  }
}

const probe = new Probe();
const wired = new WiredProbe();

function report(e: Error): void {
  if (e instanceof BusError) log.infoInt("error-fields bus", (e as BusError).code * 100 + (e as BusError).line);
  else if (e instanceof DeviceError) log.infoInt("error-fields device", (e as DeviceError).code);
  else log.info("error-fields other");
}

async function slow(ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    return ms;
  } finally {
    log.infoInt("error-fields slow finally", ms);
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let n = 1; n <= 3; n++) {
    try {
      log.infoInt("error-fields value", await wired.sample(n));
    } catch (e) {
      report(e as Error);
    }
  }
  try {
    const a = slow(20);
    const b = probe.sample(2);
    await join(a, b);
    log.infoInt("error-fields never", 0);
  } catch (e) {
    report(e as Error);
  }
  try {
    const c = wired.sample(3);
    const w = await select(slow(30), c);
    log.infoInt("error-fields never", w);
  } catch (e) {
    report(e as Error);
  }
});

export function main(): void {
  user.spawn();
}
