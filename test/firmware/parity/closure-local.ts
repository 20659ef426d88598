// Parity program (test/parity/): an async arrow that captures locals,
// stored in a local, is called later with `await f(x)` and sees the
// captured values.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (base: i32): Promise<void> => {
  const step: i32 = 2;
  const add = async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(step));
    return x + base;
  };
  log.infoInt("closure-local one", await add(1));
  await Timer.after(Duration.millis(3));
  log.infoInt("closure-local two", await add(2));
});

export function main(): void {
  user.spawn(40);
}
