// Parity program (test/parity/): an early return from inside two nested
// loops inside try/finally runs the finally (which awaits) once and
// returns the value computed before it.
import { Timer, Duration, log, task } from "outpost";

async function cell(r: i32, c: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return r * 10 + c;
}

let value = 0;

async function find(target: i32): Promise<i32> {
  try {
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        value = await cell(r, c);
        if (value == target) return value * 2;
      }
    }
    return -1;
  } finally {
    await Timer.after(Duration.millis(4));
    value = 1000;
    log.infoInt("return-nested-try finally", target);
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("return-nested-try found", await find(11));
  log.infoInt("return-nested-try value", value);
  log.infoInt("return-nested-try missing", await find(99));
});

export function main(): void {
  user.spawn();
}
