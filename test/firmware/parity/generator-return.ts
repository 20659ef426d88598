// Parity program (test/parity/): returning from an async function from
// inside a `for … of` over a generator closes the generator (its finally
// runs) before the caller resumes, as does a throw out of the loop.
import { Timer, Duration, log, task } from "outpost";

function* counter(limit: i32): Generator<i32> {
  try {
    for (let i = 0; i < limit; i++) yield i;
  } finally {
    log.infoInt("generator-return closed", limit);
  }
}

async function find(target: i32, limit: i32): Promise<i32> {
  for (const v of counter(limit)) {
    await Timer.after(Duration.millis(1));
    if (v == target) return v * 10;
  }
  return -1;
}

async function failAt(target: i32): Promise<i32> {
  for (const v of counter(5)) {
    await Timer.after(Duration.millis(1));
    if (v == target) throw new Error("generator-return failed");
  }
  return 0;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generator-return found", await find(2, 5));
  log.infoInt("generator-return missing", await find(9, 3));
  try {
    await failAt(1);
  } catch (e) {
    log.info((e as Error).message);
  }
});

export function main(): void {
  user.spawn();
}
