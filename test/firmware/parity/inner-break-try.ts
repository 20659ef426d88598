// Parity program (test/parity/): a `break` that leaves only a switch or an
// inner loop inside a try stays inside the try (its finally runs once, at
// the try's end), while a `break` out of a try inside a switch case runs
// the finally before leaving the switch.
import { Timer, Duration, log, task } from "outpost";

async function tick(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    try {
      switch (await tick(i)) {
        case 0:
          log.infoInt("inner-break-try case zero", i);
          break;
        case 1:
          await tick(0);
          break;
        default:
          log.infoInt("inner-break-try default", i);
      }
      log.infoInt("inner-break-try after switch", i);
      for (let k = 0; k < 5; k++) {
        if ((await tick(k)) == i) break;
      }
      log.infoInt("inner-break-try after inner loop", i);
    } finally {
      await tick(0);
      log.infoInt("inner-break-try finally", i);
    }
  }
  for (let i = 0; i < 2; i++) {
    switch (i) {
      case 0:
        try {
          await tick(0);
          if (i == 0) break;
          log.infoInt("inner-break-try never", i);
        } finally {
          await tick(0);
          log.infoInt("inner-break-try case finally", i);
        }
        log.infoInt("inner-break-try never after", i);
        break;
      default:
        log.infoInt("inner-break-try default case", i);
    }
    log.infoInt("inner-break-try loop tail", i);
  }
});

export function main(): void {
  user.spawn();
}
