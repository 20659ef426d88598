// Parity program (test/parity/): an async arrow made inside a loop body,
// capturing a variable declared before the loop and taking the loop's
// counter as an argument, sees each iteration's values.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (scale: i32): Promise<void> => {
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const add = async (k: i32): Promise<i32> => {
      await Timer.after(Duration.millis(k + 1));
      total += k * scale;
      return total;
    };
    log.infoInt("closure-in-loop total", await add(i));
    if (i == 1) log.infoInt("closure-in-loop again", await add(10));
  }
  log.infoInt("closure-in-loop end", total);
});

export function main(): void {
  user.spawn(3);
}
