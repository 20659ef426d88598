// Parity program (test/parity/): a stored future starts when it is
// awaited, not when it is called (Outpost's futures are lazy; the native
// run models that rule), so its timer counts from the await.
import { Timer, Duration, log, task } from "outpost";

async function measure(id: i32): Promise<i32> {
  log.infoInt("lazy-stored start", id);
  await Timer.after(Duration.millis(5));
  log.infoInt("lazy-stored end", id);
  return id;
}

export const user = task(1, async (): Promise<void> => {
  const f = measure(1);
  await Timer.after(Duration.millis(10));
  log.infoInt("lazy-stored awaiting", 1);
  log.infoInt("lazy-stored got", await f);
});

export function main(): void {
  user.spawn();
}
