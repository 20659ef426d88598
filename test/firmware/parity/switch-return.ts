// Parity program (test/parity/): a switch in a loop whose cases return
// after an await, declare block-scoped locals that live across awaits, and
// put the default case in the middle.
import { Timer, Duration, log, task } from "outpost";

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

async function dispatch(code: i32): Promise<i32> {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    switch (code + i) {
      case 1: {
        const a = await f(10);
        const b = await f(a + 1);
        total += a + b;
        break;
      }
      default:
        total += await f(1);
        log.infoInt("switch-return default", code + i);
      case 5:
        total += 100;
        break;
      case 6: {
        const r = await f(total);
        log.infoInt("switch-return returning", r);
        return r + 1000;
      }
    }
    log.infoInt("switch-return total", total);
  }
  return total;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("switch-return one", await dispatch(0));
  log.infoInt("switch-return two", await dispatch(3));
});

export function main(): void {
  user.spawn();
}
