// Parity program (test/parity/): a timed-out call's finally block awaits
// (drives a pin low after a delay, say), and withTimeout completes only
// after it.
import { Timer, Duration, withTimeout, log, task } from "outpost";

let pin: i32 = 0;

async function pulse(): Promise<void> {
  pin = 1;
  try {
    await Timer.after(Duration.millis(100));
  } finally {
    await Timer.after(Duration.millis(2));
    pin = 0;
    log.infoInt("finally-await-timeout pin", pin);
  }
}

export const user = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(10), pulse());
  await t;
  log.infoInt("finally-await-timeout timed out", t.timedOut ? 1 : 0);
  log.infoInt("finally-await-timeout pin after", pin);
});

export function main(): void {
  user.spawn();
}
