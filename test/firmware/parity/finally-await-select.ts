// Parity program (test/parity/): a select loser's finally block awaits (an
// async cleanup), and the select completes only after that cleanup.
import { Timer, Duration, select, log, task } from "outpost";

async function job(id: i32): Promise<void> {
  try {
    await Timer.after(Duration.millis(50));
    log.infoInt("finally-await-select job done", id);
  } finally {
    log.infoInt("finally-await-select cleanup start", id);
    await Timer.after(Duration.millis(3));
    log.infoInt("finally-await-select cleanup end", id);
  }
}

export const user = task(1, async (): Promise<void> => {
  const w = await select(job(1), Timer.after(Duration.millis(5)));
  log.infoInt("finally-await-select winner", w);
  const v = await select(Timer.after(Duration.millis(2)), job(2));
  log.infoInt("finally-await-select winner", v);
});

export function main(): void {
  user.spawn();
}
