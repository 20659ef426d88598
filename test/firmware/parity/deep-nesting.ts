// Parity program (test/parity/): awaits at every level of a switch inside
// a loop inside a try inside a loop, with break, continue and finally
// interleaving as in sync code.
import { Timer, Duration, log, task } from "outpost";

async function t(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  let trail = 0;
  for (let a = 0; a < 2; a++) {
    try {
      let b = 0;
      while (b < 3) {
        b += await t(1);
        switch ((await t(a + b)) % 3) {
          case 0:
            trail = trail * 10 + 1;
            continue;
          case 1:
            trail = trail * 10 + 2;
            if (a == 1) break;
            await t(0);
            break;
          default:
            trail = trail * 10 + 3;
        }
        trail += await t(0);
      }
    } finally {
      trail = trail * 10 + (await t(9));
      log.infoInt("deep-nesting trail", trail);
    }
  }
});

export function main(): void {
  user.spawn();
}
