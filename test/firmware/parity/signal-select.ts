// Parity program (test/parity/): a Signal's wait raced against a timer in
// select and in withTimeout: when the timer wins the wait is dropped, a
// later signal is kept for the next wait, and the winner's value is read
// from the signal.
import { Timer, Duration, Signal, select, withTimeout, log, task } from "outpost";

const alarm = new Signal<i32>("alarm");

export const watcher = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const w = await select(alarm.wait(), Timer.after(Duration.millis(4)));
    if (w == 0) log.infoInt("signal-select alarm", alarm.value);
    else log.infoInt("signal-select quiet", i);
  }
  const t = withTimeout(Duration.millis(3), alarm.wait());
  await t;
  log.infoInt("signal-select timeout", t.timedOut ? -1 : alarm.value);
  await Timer.after(Duration.millis(5));
  log.infoInt("signal-select pending", alarm.signaled() ? 1 : 0);
  log.infoInt("signal-select late", await alarm.wait());
});

export const raiser = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(6));
  alarm.signal(11);
  await Timer.after(Duration.millis(10));
  alarm.signal(22);
});

export function main(): void {
  watcher.spawn();
  raiser.spawn();
}
