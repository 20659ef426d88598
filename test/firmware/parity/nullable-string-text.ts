// Parity program (test/parity/): a nullable string returned by an async
// function and narrowed with `if (s != null)` is written into template
// text as the string it is, with or without an await after the check.
import { Timer, Duration, log, task } from "outpost";

async function label(id: i32): Promise<string | null> {
  await Timer.after(Duration.millis(1));
  return id > 0 ? "one" : null;
}

export const user = task(1, async (): Promise<void> => {
  const n = await label(1);
  if (n != null) log.info(`nullable-string-text ${n} ${n.length}`);
  const m = await label(2);
  if (m != null) {
    await Timer.after(Duration.millis(1));
    log.info(`nullable-string-text after ${m}`);
  }
  const k = await label(0);
  log.infoInt("nullable-string-text null", k == null ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
