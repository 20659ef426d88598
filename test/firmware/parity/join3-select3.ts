// Parity program (test/parity/): `join3` waits for three async calls;
// `select3` returns the index of the first to finish and cancels the other
// two (their finally blocks run).
import { Timer, Duration, join3, select3, log, task } from "outpost";

async function work(id: i32, ms: i32): Promise<void> {
  try {
    await Timer.after(Duration.millis(ms));
    log.infoInt("join3-select3 done", id);
  } finally {
    log.infoInt("join3-select3 finally", id);
  }
}

export const user = task(1, async (): Promise<void> => {
  await join3(work(1, 6), work(2, 2), work(3, 4));
  log.infoInt("join3-select3 joined", 1);
  const w = await select3(work(4, 9), work(5, 3), work(6, 5));
  log.infoInt("join3-select3 winner", w);
});

export function main(): void {
  user.spawn();
}
