// Parity program (test/parity/): a nullable async callback parameter is
// checked against null and awaited only when given.
import { Timer, Duration, log, task } from "outpost";

async function report(v: i32): Promise<void> {
  await Timer.after(Duration.millis(1));
  log.infoInt("optional-callback reported", v);
}

async function measure(v: i32, done: ((x: i32) => Promise<void>) | null = null): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (done != null) await done(v * 2);
  return v;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("optional-callback plain", await measure(1));
  log.infoInt("optional-callback with", await measure(2, report));
});

export function main(): void {
  user.spawn();
}
