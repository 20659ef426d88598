// Parity program (test/parity/): a local holding an async function value,
// reassigned from one async arrow to another between awaits, calls the one
// it holds at each call.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (base: i32): Promise<void> => {
  const up = async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(1));
    return x + base;
  };
  const down = async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(2));
    return x - base;
  };
  let op: (x: i32) => Promise<i32> = up;
  for (let i = 0; i < 4; i++) {
    log.infoInt("closure-reassign value", await op(i * 10));
    op = i % 2 == 0 ? down : up;
  }
});

export function main(): void {
  user.spawn(3);
}
