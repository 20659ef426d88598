// Parity program (test/parity/): a catch block awaits cleanup, then wraps the error in a module-level error whose cause field keeps the original.
import { Timer, Duration, log, task } from "outpost";

class LinkError extends Error {
  constructor(public code: i32) {
    super("catch-rethrow-wrap link");
  }
}

class WrappedError extends Error {
  cause: Error | null = null;
  constructor() {
    super("catch-rethrow-wrap wrapped");
  }
}

const WRAP = new WrappedError();

async function lowLevel(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (n == 1) throw new LinkError(11);
  if (n == 2) throw new LinkError(22);
  return n;
}

async function cleanup(): Promise<void> {
  await Timer.after(Duration.millis(1));
  log.info("catch-rethrow-wrap cleanup");
}

async function midLevel(n: i32): Promise<i32> {
  try {
    return await lowLevel(n);
  } catch (e) {
    await cleanup();
    if (n == 2) throw e;
    WRAP.cause = e as Error;
    throw WRAP;
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let n = 0; n < 3; n++) {
    try {
      log.infoInt("catch-rethrow-wrap ok", await midLevel(n));
    } catch (e) {
      log.info((e as Error).message);
      if (e instanceof WrappedError) {
        const c = (e as WrappedError).cause;
        if (c != null) log.infoInt("catch-rethrow-wrap cause code", (c as LinkError).code);
      } else if (e instanceof LinkError) {
        log.infoInt("catch-rethrow-wrap direct code", (e as LinkError).code);
      }
    }
  }
});

export function main(): void {
  user.spawn();
}
