// Parity program (test/parity/): an awaited argument of a static call (a class's static method, a namespace's function, a builtin conversion) leaves its receiver a name, not a value to keep.
import { Timer, Duration, log, task } from "outpost";

class Scale {
  static twice(n: i32): i32 {
    return n * 2;
  }
}

namespace Units {
  export function milli(n: i32): i32 {
    return n * 1000;
  }
}

async function f(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return n;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("static-receiver-await class", Scale.twice(await f(-4)));
  log.infoInt("static-receiver-await namespace", Units.milli(await f(3)));
  log.infoInt("static-receiver-await sum", Scale.twice(await f(1)) + Units.milli(await f(2)));
  log.infoInt("static-receiver-await max", <i32>Math.max(await f(3), await f(9)));
});

export function main(): void {
  user.spawn();
}
