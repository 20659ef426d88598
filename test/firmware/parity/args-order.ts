// Parity program (test/parity/): in a call whose arguments mix a sync call
// and an await (`o.m(side(), await f())`), the arguments are evaluated left
// to right, then the method runs.
import { Timer, Duration, log, task } from "outpost";

let order: i32 = 0;

function side(x: i32): i32 {
  order++;
  log.infoInt("args-order side", x * 100 + order);
  return x;
}

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(3));
  order++;
  log.infoInt("args-order f", x * 100 + order);
  return x;
}

class Sink {
  take(a: i32, b: i32, c: i32): void {
    order++;
    log.infoInt("args-order take", a * 100 + b * 10 + c);
  }
}

const sink = new Sink();

export const user = task(1, async (): Promise<void> => {
  sink.take(side(1), await f(2), side(3));
  sink.take(await f(4), side(5), await f(6));
  log.infoInt("args-order count", order);
});

export function main(): void {
  user.spawn();
}
