// Parity program (test/parity/): async functions and methods with default
// and optional parameters, called with and without them.
import { Timer, Duration, log, task } from "outpost";

async function wait(ms: i32, label: i32 = 7, scale: i32 = ms * 2): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return label * 1000 + scale;
}

class Beeper {
  base: i32 = 3;
  async beep(times: i32 = 2): Promise<i32> {
    for (let i = 0; i < times; i++) await Timer.after(Duration.millis(1));
    return this.base * times;
  }
}

const b = new Beeper();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("default-params a", await wait(1));
  log.infoInt("default-params b", await wait(2, 3));
  log.infoInt("default-params c", await wait(1, 4, 9));
  log.infoInt("default-params d", await b.beep());
  log.infoInt("default-params e", await b.beep(5));
});

export function main(): void {
  user.spawn();
}
