// Parity program (test/parity/): an async call looping over a sync
// generator, cancelled by a select while it awaits inside the loop, closes
// the generator (its finally runs) as its own finally does.
import { Timer, Duration, select, log, task } from "outpost";

function* ids(n: i32): Generator<i32> {
  try {
    for (let i = 0; i < n; i++) yield i;
  } finally {
    log.infoInt("generator-cancel generator closed", n);
  }
}

async function walk(n: i32): Promise<i32> {
  let sum = 0;
  try {
    for (const id of ids(n)) {
      await Timer.after(Duration.millis(2));
      sum += id;
      log.infoInt("generator-cancel visited", id);
    }
    return sum;
  } finally {
    log.infoInt("generator-cancel walk finally", sum);
  }
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generator-cancel winner", await select(walk(10), Timer.after(Duration.millis(5))));
  log.infoInt("generator-cancel full", await walk(2));
});

export function main(): void {
  user.spawn();
}
