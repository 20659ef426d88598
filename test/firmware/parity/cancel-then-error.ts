// Parity program (test/parity/): a select loser whose finally awaits a flush that fails catches that error inside the finally; the select's winner is still reported.
import { Timer, Duration, select, log, task } from "outpost";

async function flush(fail: bool): Promise<void> {
  await Timer.after(Duration.millis(1));
  if (fail) throw new Error("cancel-then-error flush failed");
}

async function tx(fail: bool): Promise<i32> {
  try {
    await Timer.after(Duration.millis(20));
    return 1;
  } finally {
    try {
      await flush(fail);
      log.info("cancel-then-error flushed");
    } catch (e) {
      log.info((e as Error).message);
    }
    log.info("cancel-then-error after flush");
  }
}

async function deadline(ms: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return ms;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("cancel-then-error winner", await select(tx(true), deadline(5)));
  log.infoInt("cancel-then-error winner", await select(tx(false), deadline(5)));
});

export function main(): void {
  user.spawn();
}
