// Parity program (test/parity/): an `if … else if … else` chain whose
// conditions await evaluates them in order and stops at the first true
// one.
import { Timer, Duration, log, task } from "outpost";

async function is(id: i32, v: i32, want: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  log.infoInt("else-if-await tested", id);
  return v == want;
}

async function classify(v: i32): Promise<i32> {
  if (v < 0) return -1;
  else if (await is(1, v, 1)) return 10;
  else if (v == 2 || (await is(2, v, 3))) return 20;
  else if (await is(3, v, 4)) {
    await Timer.after(Duration.millis(2));
    return 30;
  } else return 0;
}

export const user = task(1, async (): Promise<void> => {
  for (let v = -1; v <= 5; v++) log.infoInt("else-if-await class", await classify(v));
});

export function main(): void {
  user.spawn();
}
