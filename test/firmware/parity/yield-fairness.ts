// Parity program (test/parity/): three tasks looping on Yield.now() take
// turns round-robin, a task that joins later takes its place at the end of
// the queue, and a timer due meanwhile interleaves at its instant.
import { Timer, Duration, Yield, log, task } from "outpost";

export const spinner = task(3, async (id: i32, n: i32): Promise<void> => {
  for (let i = 0; i < n; i++) {
    log.infoInt("yield-fairness turn", id * 10 + i);
    await Yield.now();
  }
});

export const late = task(1, async (): Promise<void> => {
  await Yield.now();
  log.infoInt("yield-fairness late", 0);
  spinner.spawn(3, 2);
  await Yield.now();
  log.infoInt("yield-fairness late", 1);
});

export function main(): void {
  spinner.spawn(1, 4);
  spinner.spawn(2, 3);
  late.spawn();
}
