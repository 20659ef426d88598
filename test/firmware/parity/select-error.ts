// Parity program (test/parity/): a select branch that fails first fails the
// select (the loser is cancelled); a branch failing after the select was
// won is never seen.
import { Timer, Duration, select, log, task } from "outpost";

async function failAfter(ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    throw new Error("select-error failed");
  } finally {
    log.infoInt("select-error finally", ms);
  }
}

export const user = task(1, async (): Promise<void> => {
  try {
    const w = await select(failAfter(3), Timer.after(Duration.millis(10)));
    log.infoInt("select-error never", w);
  } catch (e) {
    log.info((e as Error).message);
  }
  const w = await select(failAfter(10), Timer.after(Duration.millis(4)));
  log.infoInt("select-error winner", w);
});

export function main(): void {
  user.spawn();
}
