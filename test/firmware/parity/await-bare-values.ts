// Parity program (test/parity/): `await` of plain values (a bool, an i64, a
// field, a sync call) as a statement, in a condition and in arithmetic
// gives the value, as in TypeScript.
import { Timer, Duration, log, task } from "outpost";

class Box {
  v: i32 = 4;
}
const box = new Box();
let hits = 0;

function side(): i32 {
  hits++;
  return hits;
}

export const user = task(1, async (): Promise<void> => {
  const flag: bool = true;
  const big: i64 = 5000000000;
  await side();
  if (await flag) log.infoInt("await-bare-values flag", 1);
  const sum: i64 = (await big) + 1;
  log.infoInt("await-bare-values big", (sum - 5000000000) as i32);
  await Timer.after(Duration.millis(1));
  log.infoInt("await-bare-values field", (await box.v) * (await side()));
  log.infoInt("await-bare-values hits", hits);
});

export function main(): void {
  user.spawn();
}
