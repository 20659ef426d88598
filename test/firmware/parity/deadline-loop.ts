// Parity program (test/parity/): a loop that works until a deadline
// (`while (Instant.now() < end)`) with awaits of different lengths stops at
// the first check past the deadline.
import { Timer, Duration, Instant, log, task } from "outpost";

async function chunk(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1 + (i % 3)));
  return i;
}

export const user = task(1, async (): Promise<void> => {
  const start = Instant.now();
  const end = start + Duration.millis(12);
  let done = 0;
  while (Instant.now() < end) {
    done += await chunk(done) >= 0 ? 1 : 0;
    log.infoInt("deadline-loop at", Instant.now() - start);
  }
  log.infoInt("deadline-loop chunks", done);
  const late = Instant.now() - end;
  log.infoInt("deadline-loop late by", late);
});

export function main(): void {
  user.spawn();
}
