// Parity program (test/parity/): breaking out of `for await` over an async
// generator ends the generator: its finally block runs before the loop's
// next statement.
import { Timer, Duration, log, task } from "outpost";

async function* readings(): AsyncGenerator<i32> {
  try {
    for (let i = 1; ; i++) {
      await Timer.after(Duration.millis(5));
      yield i * 7;
    }
  } finally {
    log.infoInt("for-await-break sensor off", 1);
  }
}

export const user = task(1, async (): Promise<void> => {
  for await (const r of readings()) {
    log.infoInt("for-await-break reading", r);
    if (r > 14) break;
  }
  log.infoInt("for-await-break after loop", 1);
});

export function main(): void {
  user.spawn();
}
