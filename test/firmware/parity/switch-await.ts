// Parity program (test/parity/): awaits in a switch's discriminant and
// cases, fall-through, break and continue around them, and in a do … while
// condition.
import { Timer, Duration, log, task } from "outpost";

async function pick(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x % 4;
}

async function more(n: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  return n < 3;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 6; i++) {
    switch (await pick(i)) {
      case 0:
        log.infoInt("switch-await zero", i);
      case 1:
        log.infoInt("switch-await one-or-fall", i);
        await Timer.after(Duration.millis(2));
        break;
      case 2:
        if (i > 4) continue;
        log.infoInt("switch-await two", i);
        break;
      default:
        log.infoInt("switch-await other", await pick(i + 1));
    }
    log.infoInt("switch-await end", i);
  }
  let n = 0;
  do {
    n++;
    log.infoInt("switch-await loop", n);
  } while (await more(n));
});

export function main(): void {
  user.spawn();
}
