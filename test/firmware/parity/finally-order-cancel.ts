// Parity program (test/parity/): cancelling a call parked deep in nested
// try/finally blocks, in it and in its callee, runs every finally block,
// innermost first, before the select completes.
import { Timer, Duration, select, log, task } from "outpost";

async function inner(): Promise<void> {
  try {
    try {
      await Timer.after(Duration.millis(50));
    } finally {
      log.infoInt("finally-order-cancel inner", 1);
    }
  } finally {
    log.infoInt("finally-order-cancel inner", 2);
  }
}

async function outer(): Promise<void> {
  try {
    await inner();
    log.infoInt("finally-order-cancel never", 0);
  } finally {
    log.infoInt("finally-order-cancel outer", 3);
  }
}

export const user = task(1, async (): Promise<void> => {
  const w = await select(outer(), Timer.after(Duration.millis(5)));
  log.infoInt("finally-order-cancel winner", w);
});

export function main(): void {
  user.spawn();
}
