// Parity program (test/parity/): join3 of async methods of three different
// device classes: all succeed; one throws after the others finished; one
// throws while the others still run (they are cancelled, their finally
// blocks run before the caller's catch); and the objects stay usable.
import { Timer, Duration, join3, log, task } from "outpost";

class DeviceError extends Error {
  constructor(public dev: i32) {
    super("join-devices device error");
  }
}

const E_RADIO = new DeviceError(2);

class Radio {
  up: bool = false;
  failAt: i32 = 0;
  async connect(ms: i32): Promise<i32> {
    try {
      await Timer.after(Duration.millis(ms));
      if (ms == this.failAt) throw E_RADIO;
      this.up = true;
      return -70;
    } finally {
      log.info(`join-devices radio finally up=${this.up}`);
    }
  }
}

class Gps {
  fixes: i32 = 0;
  async fix(ms: i32): Promise<i64> {
    try {
      await Timer.after(Duration.millis(ms));
      this.fixes++;
      return 4_812_345_678;
    } finally {
      log.info(`join-devices gps finally fixes=${this.fixes}`);
    }
  }
}

class Battery {
  constructor(public mv: i32) {}
  async measure(ms: i32, fail: bool): Promise<i32> {
    await Timer.after(Duration.millis(ms));
    if (fail) throw new DeviceError(3);
    this.mv -= 5;
    return this.mv;
  }
}

const radio = new Radio();
const gps = new Gps();
const battery = new Battery(3300);

async function bringUp(round: i32, radioMs: i32, gpsMs: i32, batMs: i32, batFails: bool): Promise<void> {
  const r = radio.connect(radioMs);
  const g = gps.fix(gpsMs);
  const b = battery.measure(batMs, batFails);
  try {
    await join3(r, g, b);
    log.info(`join-devices round ${round} rssi=${r.value} pos=${g.value} mv=${b.value}`);
  } catch (e) {
    const code = e instanceof DeviceError ? (e as DeviceError).dev : -1;
    log.info(`join-devices round ${round} failed dev=${code} up=${radio.up} fixes=${gps.fixes} mv=${battery.mv}`);
  }
}

export const user = task(1, async (): Promise<void> => {
  await bringUp(1, 3, 5, 2, false);
  radio.up = false;
  radio.failAt = 6;
  await bringUp(2, 6, 2, 1, false); // radio throws last
  await bringUp(3, 6, 8, 2, true); // battery throws first
  radio.failAt = 0;
  await bringUp(4, 1, 1, 1, false);
});

export function main(): void {
  user.spawn();
}
