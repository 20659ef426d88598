// Parity program (test/parity/): a chain of conditional expressions with
// awaits in the conditions and the branches runs only the tests and the
// branch it reaches.
import { Timer, Duration, log, task } from "outpost";

async function f(id: i32, v: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  log.infoInt("ternary-chain ran", id);
  return v;
}

async function below(id: i32, x: i32, limit: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  log.infoInt("ternary-chain tested", id);
  return x < limit;
}

export const user = task(1, async (): Promise<void> => {
  for (let x = 0; x < 4; x++) {
    const v = (await below(1, x, 1)) ? await f(10, 100) : (await below(2, x, 3)) ? x == 1 ? await f(20, 200) : 250 : await f(30, 300);
    log.infoInt("ternary-chain value", v);
  }
});

export function main(): void {
  user.spawn();
}
