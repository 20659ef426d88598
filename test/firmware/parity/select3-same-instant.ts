// Parity program (test/parity/): when two branches of a select3 finish at
// the same instant, the first listed wins and the other two are cancelled
// (their finally blocks run) before the select completes.
import { Timer, Duration, select3, log, task } from "outpost";

async function leg(id: i32, ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    log.infoInt("select3-same-instant finished", id);
    return id;
  } finally {
    log.infoInt("select3-same-instant finally", id);
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("select3-same-instant winner", await select3(leg(1, 5), leg(2, 3), leg(3, 3)));
  log.infoInt("select3-same-instant winner", await select3(leg(4, 2), leg(5, 4), leg(6, 2)));
});

export function main(): void {
  user.spawn();
}
