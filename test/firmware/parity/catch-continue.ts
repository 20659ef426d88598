// Parity program (test/parity/): errors caught inside a loop let it go on
// awaiting; the work after each catch still runs.
import { Timer, Duration, log, task } from "outpost";

async function attempt(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(3));
  if (i % 3 == 1) throw new Error("catch-continue flaky");
  return i;
}

export const user = task(1, async (): Promise<void> => {
  let ok: i32 = 0;
  let failed: i32 = 0;
  for (let i = 0; i < 6; i++) {
    try {
      ok += await attempt(i);
    } catch (e) {
      failed++;
      log.infoInt("catch-continue failed at", i);
      await Timer.after(Duration.millis(1));
      continue;
    }
    log.infoInt("catch-continue ok at", i);
  }
  log.infoInt("catch-continue ok", ok);
  log.infoInt("catch-continue failed", failed);
});

export function main(): void {
  user.spawn();
}
