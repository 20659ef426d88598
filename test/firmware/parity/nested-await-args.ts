// Parity program (test/parity/): awaits nested inside each other's
// arguments (`await a(await b(await c(1)))`) run innermost first, with the
// sync arguments beside them evaluated in order.
import { Timer, Duration, log, task } from "outpost";

async function f(id: i32, x: i32): Promise<i32> {
  await Timer.after(Duration.millis(id));
  log.infoInt("nested-await-args f", id * 1000 + x);
  return x + id;
}

function side(x: i32): i32 {
  log.infoInt("nested-await-args side", x);
  return x;
}

async function pair(a: i32, b: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return a * 100 + b;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("nested-await-args chain", await f(1, await f(2, await f(3, 4))));
  log.infoInt("nested-await-args pair", await pair(side(5), await f(1, side(6))));
  log.infoInt("nested-await-args both", await pair(await f(2, 1), await pair(side(7), await f(1, 2))));
});

export function main(): void {
  user.spawn();
}
