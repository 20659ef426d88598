// Parity program (test/parity/): a call left of an await in one expression
// (`side(1) + await f(2)`) runs first, keeping left-to-right order.
import { Timer, Duration, log, task } from "outpost";

let counter: i32 = 0;

function side(x: i32): i32 {
  counter++;
  log.infoInt("call-then-await side", x * 1000 + counter);
  return x;
}

async function f(x: i32): Promise<i32> {
  log.infoInt("call-then-await f start", x * 1000 + counter);
  await Timer.after(Duration.millis(2));
  counter++;
  return x * 10;
}

export const user = task(1, async (): Promise<void> => {
  const v = side(1) + (await f(2));
  log.infoInt("call-then-await sum", v);
  const w = side(3) * (await f(4)) + side(5);
  log.infoInt("call-then-await mixed", w);
  log.infoInt("call-then-await counter", counter);
});

export function main(): void {
  user.spawn();
}
