// Parity program (test/parity/): case blocks of one switch declaring locals
// of the same name, each living across its own awaits, keep their own
// values.
import { Timer, Duration, log, task } from "outpost";

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  for (let k = 0; k < 3; k++) {
    switch (k) {
      case 0: {
        const v = await f(10);
        await Timer.after(Duration.millis(1));
        log.infoInt("switch-shadow zero", v);
        break;
      }
      case 1: {
        const v = await f(20);
        const w = await f(v + 1);
        log.infoInt("switch-shadow one", v * 100 + w);
        break;
      }
      default: {
        let v = k;
        v += await f(30);
        log.infoInt("switch-shadow other", v);
      }
    }
  }
});

export function main(): void {
  user.spawn();
}
