// Parity program (test/parity/): a return inside finally swallows an error
// thrown after an await in its try block; the caller gets the value.
import { Timer, Duration, log, task } from "outpost";

async function swallowed(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(2));
    throw new Error("finally-swallow lost");
  } finally {
    log.infoInt("finally-swallow finally", 1);
    return 3;
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("finally-swallow value", await swallowed());
});

export function main(): void {
  user.spawn();
}
