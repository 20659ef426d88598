// Parity program (test/parity/): `continue` in a do … while whose condition
// awaits jumps to the condition, and in a for loop whose update awaits runs
// the update.
import { Timer, Duration, log, task } from "outpost";

let polls = 0;

async function again(): Promise<bool> {
  await Timer.after(Duration.millis(1));
  polls++;
  return polls < 5;
}

async function step(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return i + 1;
}

export const user = task(1, async (): Promise<void> => {
  let n = 0;
  do {
    n++;
    if (n % 2 == 0) continue;
    log.infoInt("do-while-continue odd", n);
  } while (await again());
  log.infoInt("do-while-continue polls", polls);
  for (let i = 0; i < 6; i = await step(i)) {
    if (i == 2) continue;
    log.infoInt("do-while-continue i", i);
  }
});

export function main(): void {
  user.spawn();
}
