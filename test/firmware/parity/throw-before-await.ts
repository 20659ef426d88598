// Parity program (test/parity/): an async function that throws before its
// first await fails its future; the error reaches the caller at the await.
import { Timer, Duration, log, task } from "outpost";

async function validate(n: i32): Promise<i32> {
  if (n == 0) throw new Error("throw-before-await zero");
  await Timer.after(Duration.millis(n));
  return n;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    try {
      log.infoInt("throw-before-await valid", await validate(i));
    } catch (e) {
      log.info((e as Error).message);
    }
  }
});

export function main(): void {
  user.spawn();
}
