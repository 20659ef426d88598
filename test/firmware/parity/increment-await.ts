// Parity program (test/parity/): `i++`, `++i` and field increments next to
// awaits in one expression happen in JavaScript's left-to-right order.
import { Timer, Duration, log, task } from "outpost";

class Counter {
  n: i32 = 0;
}
const c = new Counter();
const seen: StaticArray<i32> = [0, 0, 0, 0, 0, 0];

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  c.n += 100;
  return x;
}

export const user = task(1, async (): Promise<void> => {
  let i = 0;
  const a = i++ + (await f(i)) + i;
  log.infoInt("increment-await a", a * 100 + i);
  const b = (await f(i)) + ++i;
  log.infoInt("increment-await b", b * 100 + i);
  seen[i++] = await f(i);
  seen[i++] = await f(i);
  for (let k = 0; k < 6; k++) log.infoInt("increment-await seen", seen[k]);
  const d = c.n++ + (await f(1)) + c.n;
  log.infoInt("increment-await d", d);
  log.infoInt("increment-await n", c.n);
});

export function main(): void {
  user.spawn();
}
