// Parity program (test/parity/): a sync factory at init returns an async
// arrow that makes and awaits an inner async arrow capturing both the
// factory's parameter and the outer arrow's parameter and local.
import { Timer, Duration, log, task } from "outpost";

function makeOuter(base: i32): (x: i32) => Promise<i32> {
  return async (x: i32): Promise<i32> => {
    let local = x * 2;
    const inner = async (y: i32): Promise<i32> => {
      await Timer.after(Duration.millis(y));
      local += base + y;
      return local;
    };
    const a = await inner(1);
    const b = await inner(2);
    return a * 1000 + b;
  };
}

const o1 = makeOuter(10);
const o2 = makeOuter(500);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("closure-nested-init o1", await o1(3));
  log.infoInt("closure-nested-init o2", await o2(4));
  log.infoInt("closure-nested-init o1 again", await o1(0));
});

export function main(): void {
  user.spawn();
}
