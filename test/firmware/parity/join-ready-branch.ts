// Parity program (test/parity/): a join whose branch finishes without ever
// waiting (an async call that returns at once) still waits for the slow
// branch, and both values are read after it.
import { Timer, Duration, join, log, task } from "outpost";

async function instant(x: i32): Promise<i32> {
  log.infoInt("join-ready-branch instant", x);
  return x + 1;
}

async function slow(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(4));
  log.infoInt("join-ready-branch slow", x);
  return x * 2;
}

export const user = task(1, async (): Promise<void> => {
  const a = instant(1);
  const b = slow(2);
  await join(a, b);
  log.infoInt("join-ready-branch values", a.value * 100 + b.value);
  const c = slow(3);
  const d = instant(4);
  await join(c, d);
  log.infoInt("join-ready-branch values", c.value * 100 + d.value);
});

export function main(): void {
  user.spawn();
}
