// Parity program (test/parity/): an async arrow capturing a local is passed
// as an argument to an async function, which calls it twice.
import { Timer, Duration, log, task } from "outpost";

async function twice(f: (x: i32) => Promise<i32>, x: i32): Promise<i32> {
  const once = await f(x);
  return await f(once);
}

export const user = task(1, async (): Promise<void> => {
  let calls: i32 = 0;
  const offset: i32 = 7;
  const r = await twice(async (x: i32): Promise<i32> => {
    calls++;
    await Timer.after(Duration.millis(3));
    log.infoInt("closure-argument called with", x);
    return x + offset;
  }, 1);
  log.infoInt("closure-argument result", r);
  log.infoInt("closure-argument calls", calls);
});

export function main(): void {
  user.spawn();
}
