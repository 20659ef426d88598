// Parity program (test/parity/): a select loser's finally block that
// awaits a cleanup which fails catches the error inside the finally, and
// the select completes after the cleanup.
import { Timer, Duration, select, log, task } from "outpost";

async function flush(fail: bool): Promise<void> {
  await Timer.after(Duration.millis(2));
  if (fail) throw new Error("finally-catch-cancel flush failed");
}

async function send(fail: bool): Promise<i32> {
  try {
    await Timer.after(Duration.millis(20));
    return 1;
  } finally {
    try {
      await flush(fail);
      log.infoInt("finally-catch-cancel flushed", 1);
    } catch (e) {
      log.info((e as Error).message);
    }
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("finally-catch-cancel winner", await select(send(true), Timer.after(Duration.millis(3))));
  log.infoInt("finally-catch-cancel winner", await select(send(false), Timer.after(Duration.millis(3))));
});

export function main(): void {
  user.spawn();
}
