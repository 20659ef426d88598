// Parity program (test/parity/): an async closure reads the captured
// locals as they are when it runs, not when it was made, and its writes to
// them are seen by the function that made it.
import { Timer, Duration, log, task } from "outpost";

export const user = task(1, async (start: i32): Promise<void> => {
  let level = start;
  let calls = 0;
  const probe = async (extra: i32): Promise<i32> => {
    calls++;
    await Timer.after(Duration.millis(1));
    return level + extra;
  };
  level = 5;
  log.infoInt("closure-late-write first", await probe(1));
  await Timer.after(Duration.millis(2));
  level += 10;
  log.infoInt("closure-late-write second", await probe(2));
  const bump = async (): Promise<void> => {
    await Timer.after(Duration.millis(1));
    level *= 2;
  };
  await bump();
  log.infoInt("closure-late-write level", level);
  log.infoInt("closure-late-write third", await probe(0));
  log.infoInt("closure-late-write calls", calls);
});

export function main(): void {
  user.spawn(1);
}
