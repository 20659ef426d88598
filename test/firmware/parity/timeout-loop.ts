// Parity program (test/parity/): withTimeout in a loop around calls that
// take longer each time: the fast ones finish, the slow ones are cancelled
// (their finally runs), and the loop goes on after each.
import { Timer, Duration, withTimeout, log, task } from "outpost";

async function op(i: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(i * 2));
    return i;
  } finally {
    log.infoInt("timeout-loop op finally", i);
  }
}

export const user = task(1, async (): Promise<void> => {
  let ok = 0;
  let late = 0;
  for (let i = 1; i <= 5; i++) {
    const t = withTimeout(Duration.millis(6), op(i));
    await t;
    if (t.timedOut) late++;
    else ok++;
    log.infoInt("timeout-loop step", i * 10 + (t.timedOut ? 1 : 0));
  }
  log.infoInt("timeout-loop ok", ok);
  log.infoInt("timeout-loop late", late);
});

export function main(): void {
  user.spawn();
}
