// Parity program (test/parity/): `throw` in an async function completes its
// future with the error, and `await` re-throws it in the caller, where
// catch reads its message.
import { Timer, Duration, log, task } from "outpost";

async function check(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (n < 0) throw new Error("throw-await negative");
  return n * 2;
}

async function relay(n: i32): Promise<i32> {
  const v = await check(n);
  log.infoInt("throw-await relayed", v);
  return v;
}

export const user = task(1, async (): Promise<void> => {
  try {
    log.infoInt("throw-await ok", await relay(4));
    log.infoInt("throw-await never", await relay(-1));
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("throw-await after", 1);
});

export function main(): void {
  user.spawn();
}
