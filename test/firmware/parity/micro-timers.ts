// Parity program (test/parity/): timers in microseconds and seconds (250 µs,
// 1500 µs, 1 s) wake at the exact microsecond, mixed with milliseconds.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (): Promise<void> => {
  await Timer.after(Duration.micros(250));
  log.infoInt("micro-timers a", 1);
  await Timer.after(Duration.micros(1500));
  log.infoInt("micro-timers b", 2);
  await Timer.after(Duration.millis(2));
  log.infoInt("micro-timers c", 3);
  await Timer.after(Duration.micros(1));
  log.infoInt("micro-timers d", 4);
  await Timer.after(Duration.seconds(1));
  log.infoInt("micro-timers e", 5);
});

export function main(): void {
  user.spawn();
}
