// Parity program (test/parity/): a join whose child throws while the other
// child is already inside its finally (awaiting there) lets that finally
// finish, then re-throws the error.
import { Timer, Duration, join, log, task } from "outpost";

class JoinError extends Error {
  code: i32;
  constructor(code: i32) {
    super("join-throw-finally boom");
    this.code = code;
  }
}

async function cleaner(): Promise<i32> {
  try {
    await Timer.after(Duration.millis(1));
    return 1;
  } finally {
    log.infoInt("join-throw-finally cleaner finally", 1);
    await Timer.after(Duration.millis(4));
    log.infoInt("join-throw-finally cleaner finally done", 1);
  }
}

async function thrower(ms: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  log.infoInt("join-throw-finally throwing", ms);
  throw new JoinError(7);
}

export const user = task(1, async (): Promise<void> => {
  try {
    await join(cleaner(), thrower(3));
    log.infoInt("join-throw-finally joined", 1);
  } catch (e) {
    log.info(`join-throw-finally caught ${(e as Error).message}`);
    if (e instanceof JoinError) log.infoInt("join-throw-finally code", (e as JoinError).code);
  }
  try {
    await join(thrower(2), cleaner());
  } catch (e) {
    log.info(`join-throw-finally caught again ${(e as Error).message}`);
  }
});

export function main(): void {
  user.spawn();
}
