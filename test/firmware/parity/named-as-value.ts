// Parity program (test/parity/): named async functions used as values —
// kept in a local picked at run time, and in a module-level variable
// reassigned later — are called with await.
import { Timer, Duration, log, task } from "outpost";

async function fast(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x + 1;
}

async function slow(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(10));
  return x + 100;
}

let current: (x: i32) => Promise<i32> = fast;

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const pick: (x: i32) => Promise<i32> = i % 2 == 0 ? fast : slow;
    log.infoInt("named-as-value picked", await pick(i));
  }
  log.infoInt("named-as-value current", await current(1));
  current = slow;
  log.infoInt("named-as-value current", await current(1));
});

export function main(): void {
  user.spawn();
}
