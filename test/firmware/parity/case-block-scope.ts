// Parity program (test/parity/): locals of the same name declared in the
// braces of different cases (with different types) and in the loop body
// around the switch each keep their own value across awaits.
import { Timer, Duration, log, task } from "outpost";

async function num(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

async function flag(x: i32): Promise<bool> {
  await Timer.after(Duration.millis(1));
  return x > 1;
}

async function wide(x: i32): Promise<i64> {
  await Timer.after(Duration.millis(1));
  return (x as i64) * 3000000000;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const t = i * 100;
    switch (i % 3) {
      case 0: {
        const t = await num(i + 1);
        await Timer.after(Duration.millis(1));
        log.infoInt("case-block-scope num", t);
        break;
      }
      case 1: {
        const t = await flag(i);
        await Timer.after(Duration.millis(1));
        log.infoInt("case-block-scope flag", t ? 1 : 0);
        break;
      }
      default: {
        const t = await wide(i);
        await Timer.after(Duration.millis(1));
        log.infoInt("case-block-scope wide", (t - 5000000000) as i32);
      }
    }
    log.infoInt("case-block-scope outer", t);
  }
});

export function main(): void {
  user.spawn();
}
