// Parity program (test/parity/): a periodic loop on absolute deadlines
// (`Timer.at(next)`) keeps its period while its work takes time, and
// `Instant.now()` read across awaits measures the time between them.
import { Timer, Duration, Instant, log, task } from "outpost";

async function work(ms: i32): Promise<void> {
  await Timer.after(Duration.millis(ms));
}

export const user = task(1, async (): Promise<void> => {
  const start = Instant.now();
  let next = start;
  for (let i = 0; i < 4; i++) {
    next += Duration.millis(10);
    await work(i * 3);
    log.infoInt("instant-deadline worked", Instant.now() - start);
    await Timer.at(next);
    log.infoInt("instant-deadline tick", Instant.now() - start);
  }
  const before = Instant.now();
  await Timer.at(before - Duration.millis(5));
  log.infoInt("instant-deadline past", Instant.now() - before);
});

export function main(): void {
  user.spawn();
}
