// Parity program (test/parity/): leaving nested loops with awaits by a
// flag and break (what one writes without labels), and `continue` of the
// outer loop from the inner one through the same flag.
import { Timer, Duration, log, task } from "outpost";

async function cell(r: i32, c: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return r * 10 + c;
}

export const user = task(1, async (): Promise<void> => {
  let found = -1;
  for (let r = 0; r < 4 && found < 0; r++) {
    for (let c = 0; c < 4; c++) {
      const v = await cell(r, c);
      if (v == 21) {
        found = v;
        break;
      }
    }
    log.infoInt("nested-loop-exit row", r);
  }
  log.infoInt("nested-loop-exit found", found);
  let sum = 0;
  for (let r = 0; r < 3; r++) {
    let skip = false;
    for (let c = 0; c < 3; c++) {
      if ((await cell(r, c)) == 11) {
        skip = true;
        break;
      }
      sum += c;
    }
    if (skip) continue;
    log.infoInt("nested-loop-exit full row", r);
  }
  log.infoInt("nested-loop-exit sum", sum);
});

export function main(): void {
  user.spawn();
}
