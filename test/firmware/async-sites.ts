// Test firmware for test/lower/tasks.test.ts: each task records the await
// site it is parked at (Task.site); a monitor logs the sites of the others.
import { Timer, Duration, log, task } from "outpost";
import { taskAt } from "outpost/registry";

async function inner(): Promise<void> {
  await Timer.after(Duration.millis(100)); // site: inner
}

export const outer = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2)); // site: outer first
  await inner(); // site: outer call (reported by inner, innermost)
});

export const monitor = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  log.infoInt("outer parked at", taskAt(0).site);
  await Timer.after(Duration.millis(2));
  log.infoInt("outer parked at", taskAt(0).site);
});

export function main(): void {
  outer.spawn();
  monitor.spawn();
}
