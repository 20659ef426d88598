// The values of futures kept in variables around select and join
// (test/lower/misuse.test.ts): the winner's is read, a loser that is
// kept and awaited to the end in the next round has its own again, a
// join's are all there, and reading a loser's stops the firmware.
import { Timer, Duration, select, join, log, task } from "outpost";

async function after(ms: i32, x: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  for (let round = 0; round < 2; round++) {
    const slow = after(10, 100 + round);
    const fast = after(1, 200 + round);
    if (round == 0) {
      const w = await select(slow, fast);
      log.infoInt("select winner", w);
      log.infoInt("fast", fast.value);
    } else {
      log.infoInt("awaited slow", await slow);
      log.infoInt("slow", slow.value);
    }
  }
  const a = after(2, 7);
  const b = after(3, 8);
  await join(a, b);
  log.infoInt("joined", a.value + b.value);
  const c = after(5, 1);
  const d = after(1, 2);
  await select(c, d);
  log.infoInt("loser", c.value);
});

export function main(): void {
  user.spawn();
}
