// Parity program (test/parity/): an async function's nullable parameter
// with a default of null, checked against null before and after awaits,
// is used as TypeScript narrows it.
import { Timer, Duration, log, task } from "outpost";

class Led {
  constructor(public pin: i32) {}
  on: bool = false;
}

const led = new Led(13);

async function blink(times: i32, target: Led | null = null): Promise<i32> {
  let toggles = 0;
  for (let i = 0; i < times; i++) {
    await Timer.after(Duration.millis(2));
    if (target != null) {
      target.on = !target.on;
      toggles++;
    }
  }
  if (target == null) return -times;
  await Timer.after(Duration.millis(1));
  return target.pin * 100 + toggles + (target.on ? 50 : 0);
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("nullable-param none", await blink(2));
  log.infoInt("nullable-param led", await blink(3, led));
  log.infoInt("nullable-param null", await blink(1, null));
  log.infoInt("nullable-param on", led.on ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
