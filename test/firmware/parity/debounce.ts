// Parity program (test/parity/): a debouncer waits for a press, then
// restarts a quiet timer on every bounce within it, and reports one press
// per burst at the end of its quiet time.
import { Timer, Duration, Signal, select, log, task } from "outpost";

const edge = new Signal<i32>("edge");

export const debouncer = task(1, async (): Promise<void> => {
  for (let press = 1; press <= 2; press++) {
    let bounces = 0;
    await edge.wait();
    while ((await select(edge.wait(), Timer.after(Duration.millis(5)))) == 0) bounces++;
    log.infoInt("debounce press", press * 100 + bounces);
  }
});

export const bouncer = task(1, async (): Promise<void> => {
  const gaps: i32 = 4;
  await Timer.after(Duration.millis(2));
  for (let i = 0; i < gaps; i++) {
    edge.signal(1);
    await Timer.after(Duration.millis(1 + i));
  }
  await Timer.after(Duration.millis(20));
  edge.signal(1);
  await Timer.after(Duration.millis(4));
  edge.signal(1);
});

export function main(): void {
  debouncer.spawn();
  bouncer.spawn();
}
