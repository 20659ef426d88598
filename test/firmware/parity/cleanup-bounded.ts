// Parity program (test/parity/): a cleanup bounds its own time with a
// timeout inside finally: the slow flush it awaits is cancelled in turn,
// and the select that cancelled the call completes when the bounded
// cleanup ends.
import { Timer, Duration, select, withTimeout, log, task } from "outpost";

async function flush(): Promise<void> {
  try {
    await Timer.after(Duration.millis(10));
    log.infoInt("cleanup-bounded flushed", 1);
  } finally {
    log.infoInt("cleanup-bounded flush stopped", 1);
  }
}

async function send(): Promise<void> {
  try {
    await Timer.after(Duration.millis(100));
  } finally {
    const t = withTimeout(Duration.millis(3), flush());
    await t;
    log.infoInt("cleanup-bounded cleanup timed out", t.timedOut ? 1 : 0);
  }
}

export const user = task(1, async (): Promise<void> => {
  const w = await select(send(), Timer.after(Duration.millis(5)));
  log.infoInt("cleanup-bounded winner", w);
});

export function main(): void {
  user.spawn();
}
