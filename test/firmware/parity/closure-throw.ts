// Parity program (test/parity/): an async closure that throws after an
// await fails its call; the caller's catch gets the error, and a closure
// passed to another function fails through it.
import { Timer, Duration, log, task } from "outpost";

async function twice(f: (x: i32) => Promise<i32>): Promise<i32> {
  const a = await f(1);
  return a + (await f(2));
}

export const user = task(1, async (limit: i32): Promise<void> => {
  const checked = async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(x));
    if (x > limit) throw new Error("closure-throw over limit");
    return x * 10;
  };
  try {
    log.infoInt("closure-throw one", await checked(1));
    log.infoInt("closure-throw two", await checked(2));
  } catch (e) {
    log.info((e as Error).message);
  }
  try {
    log.infoInt("closure-throw twice", await twice(checked));
  } catch (e) {
    log.info(`closure-throw through twice: ${(e as Error).message}`);
  }
});

export function main(): void {
  user.spawn(1);
}
