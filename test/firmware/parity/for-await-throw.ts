// Parity program (test/parity/): an error thrown in the body of a `for
// await` over an async generator closes the generator (its finally runs,
// and may await) before the error reaches the enclosing catch.
import { Timer, Duration, log, task } from "outpost";

async function* readings(n: i32): AsyncGenerator<i32> {
  try {
    for (let i = 1; i <= n; i++) {
      await Timer.after(Duration.millis(2));
      yield i * 10;
    }
  } finally {
    await Timer.after(Duration.millis(1));
    log.infoInt("for-await-throw generator closed", n);
  }
}

export const user = task(1, async (): Promise<void> => {
  try {
    for await (const r of readings(5)) {
      log.infoInt("for-await-throw got", r);
      if (r == 20) throw new Error("for-await-throw too high");
    }
  } catch (e) {
    log.info((e as Error).message);
  }
  let sum = 0;
  for await (const r of readings(2)) sum += r;
  log.infoInt("for-await-throw sum", sum);
});

export function main(): void {
  user.spawn();
}
