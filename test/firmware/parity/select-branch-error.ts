// Parity program (test/parity/): an error thrown by the winning branch of a select after the loser started its cleanup is caught by the caller, and the loser's finally runs first.
import { Timer, Duration, select, log, task } from "outpost";

class ProtoError extends Error {
  constructor(public code: i32) {
    super("select-branch-error proto");
  }
}

const PROTO = new ProtoError(0);

async function rx(ms: i32, fail: bool): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    if (fail) {
      PROTO.code = ms;
      throw PROTO;
    }
    return ms;
  } finally {
    log.infoInt("select-branch-error rx finally", ms);
  }
}

async function watchdog(ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    return -1;
  } finally {
    await Timer.after(Duration.millis(2));
    log.infoInt("select-branch-error watchdog cleanup", ms);
  }
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    try {
      const a = rx(3 + i, i == 1);
      const b = watchdog(4);
      const w = await select(a, b);
      log.infoInt("select-branch-error winner", w);
      if (w == 0) log.infoInt("select-branch-error value", a.value);
      else log.infoInt("select-branch-error timeout", b.value);
    } catch (e) {
      if (e instanceof ProtoError) log.infoInt("select-branch-error caught", (e as ProtoError).code);
    }
  }
});

export function main(): void {
  user.spawn();
}
