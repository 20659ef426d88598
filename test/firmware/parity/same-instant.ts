// Parity program (test/parity/): timers due at the same instant fire in
// the order they were set, whichever task set them: a slow task's wake set
// earlier comes before a fast ticker's set later, and the other way round.
import { Timer, Duration, log, task } from "outpost";

export const fast = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 6; i++) {
    await Timer.after(Duration.millis(5));
    log.infoInt("same-instant fast", i);
  }
});

export const slow = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(10));
  log.infoInt("same-instant slow", 1);
  await Timer.after(Duration.millis(20));
  log.infoInt("same-instant slow", 2);
  await Timer.after(Duration.millis(3));
  log.infoInt("same-instant slow", 3);
});

export const late = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  await Timer.after(Duration.millis(29));
  log.infoInt("same-instant late", 30);
});

export function main(): void {
  fast.spawn();
  slow.spawn();
  late.spawn();
}
