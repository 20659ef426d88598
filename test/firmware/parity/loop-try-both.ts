// Parity program (test/parity/): a loop whose body is a try with an await
// in both the try and the catch keeps its loop variables across both, and
// an error thrown by the awaiting catch leaves the loop.
import { Timer, Duration, log, task } from "outpost";

async function probe(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (i % 2 == 1) throw new Error("loop-try-both odd");
  return i * 10;
}

async function recover(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (i == 5) throw new Error("loop-try-both fatal");
  return -i;
}

export const user = task(1, async (): Promise<void> => {
  let total = 0;
  try {
    for (let i = 0; i < 8; i++) {
      let got = 0;
      try {
        got = await probe(i);
      } catch (e) {
        got = await recover(i);
      }
      total += got;
      log.infoInt("loop-try-both got", got);
    }
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("loop-try-both total", total);
});

export function main(): void {
  user.spawn();
}
