// Parity program (test/parity/): a `for await` over an async generator in
// a select loser is cancelled: the generator's finally runs, then the
// consumer's, before the select completes.
import { Timer, Duration, select, log, task } from "outpost";

async function* samples(): AsyncGenerator<i32> {
  try {
    for (let i = 1; ; i++) {
      await Timer.after(Duration.millis(4));
      yield i;
    }
  } finally {
    log.infoInt("async-generator-cancel generator finally", 1);
  }
}

async function consume(): Promise<void> {
  try {
    for await (const s of samples()) log.infoInt("async-generator-cancel sample", s);
  } finally {
    log.infoInt("async-generator-cancel consumer finally", 2);
  }
}

export const user = task(1, async (): Promise<void> => {
  const w = await select(consume(), Timer.after(Duration.millis(10)));
  log.infoInt("async-generator-cancel winner", w);
});

export function main(): void {
  user.spawn();
}
