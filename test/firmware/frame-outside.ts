// Async calls made outside async code (test/lower/misuse.test.ts): one at
// init, kept in a module variable and awaited by the task, runs; one made
// by a sync helper that the task calls after init stops the firmware with
// a panic naming that call.
import { Timer, Duration, log, task } from "outpost";

async function work(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(n));
  return n * 10;
}

function later(n: i32): Promise<i32> {
  return work(n);
}

const early = work(2);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("early", await early);
  log.infoInt("later", await later(3));
});

export function main(): void {
  user.spawn();
}
