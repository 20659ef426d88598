// Parity program (test/parity/): `continue` inside a switch inside a while
// loop after an await skips the rest of the loop body, and fall-through
// runs the awaits of every case it passes.
import { Timer, Duration, log, task } from "outpost";

async function tick(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  let i = 0;
  while (i < 5) {
    i++;
    switch (i) {
      case 1:
        log.infoInt("switch-continue one", await tick(i));
      case 2:
        log.infoInt("switch-continue two", await tick(i * 10));
      case 3:
        await tick(0);
        if (i == 3) continue;
        log.infoInt("switch-continue three", i);
        break;
      case 4:
        await tick(4);
        continue;
      default:
        log.infoInt("switch-continue default", await tick(i));
    }
    log.infoInt("switch-continue tail", i);
  }
  log.infoInt("switch-continue end", i);
});

export function main(): void {
  user.spawn();
}
