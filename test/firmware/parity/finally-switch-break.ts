// Parity program (test/parity/): a switch inside a finally block whose cases await and `break` leaves only the switch, so the pending return or error of the try still completes afterwards.
import { Timer, Duration, log, task } from "outpost";

let mode: i32 = 0;

async function shutdown(kind: i32): Promise<void> {
  switch (kind) {
    case 0:
      await Timer.after(Duration.millis(1));
      log.info("finally-switch-break soft");
      break;
    case 1:
      await Timer.after(Duration.millis(2));
    case 2:
      log.info("finally-switch-break hard");
      break;
  }
}

async function session(fail: bool): Promise<i32> {
  let sent: i32 = 0;
  for (let i = 0; i < 5; i++) {
    try {
      await Timer.after(Duration.millis(1));
      sent++;
      if (fail && i == 1) throw new Error("finally-switch-break link lost");
      if (i == 2) return sent;
    } finally {
      switch (i) {
        case 0:
          break;
        case 1:
          await shutdown(mode);
          mode++;
          break;
        default:
          for (let k = 0; k < 3; k++) {
            if (k == 1) break;
            await Timer.after(Duration.millis(1));
            log.infoInt("finally-switch-break drain", k);
          }
      }
      log.infoInt("finally-switch-break finally end", i);
    }
  }
  return -1;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("finally-switch-break sent", await session(false));
  try {
    log.infoInt("finally-switch-break sent", await session(true));
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("finally-switch-break sent", await session(false));
});

export function main(): void {
  user.spawn();
}
