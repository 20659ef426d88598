// Parity program (test/parity/): `for … of` over a StaticArray inside an
// async body, nested in another for … of, awaits in each iteration.
import { Timer, Duration, log, task } from "outpost";

const rows: StaticArray<i32> = [1, 2];
const cols: StaticArray<i32> = [10, 20, 30];

export const user = task(1, async (): Promise<void> => {
  for (const r of rows) {
    for (const c of cols) {
      await Timer.after(Duration.millis(r));
      log.infoInt("for-of-static cell", r * c);
    }
  }
});

export function main(): void {
  user.spawn();
}
