// Test firmware for test/lower/chains.test.ts and the conformance suite:
// a cleanup that throws. Task closer races flush() against a timeout; the
// timeout wins, so flush is cancelled and its finally block runs, awaits,
// and throws. The panic's await chain ends at that throw, inside the
// cleanup, not at the await the cancelled call was parked at.
import { Timer, Duration, log, select, task } from "outpost";

class FlushError extends Error {
  constructor() {
    super("port gone");
  }
}

async function drain(): Promise<void> {
  await Timer.after(Duration.millis(2));
  throw new FlushError();
}

async function flush(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(50));
    return 1;
  } finally {
    log.info("flush: cleaning up");
    await drain();
  }
}

export const closer = task(1, async (): Promise<void> => {
  const winner = await select(flush(), Timer.after(Duration.millis(5)));
  log.infoInt("winner", winner);
});

export function main(): void {
  closer.spawn();
}
