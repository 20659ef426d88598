// Parity program (test/parity/): a switch inside a switch inside a loop,
// with awaits in both, where the inner `break` leaves only the inner switch
// and a `continue` in the inner one skips the rest of the loop body.
import { Timer, Duration, log, task } from "outpost";

async function tick(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 6; i++) {
    switch (await tick(i % 2)) {
      case 0:
        switch (await tick(i % 3)) {
          case 0:
            log.infoInt("nested-switch-await zero zero", i);
            break;
          case 1:
            await tick(0);
            continue;
          default:
            log.infoInt("nested-switch-await zero other", i);
        }
        log.infoInt("nested-switch-await after inner", i);
        break;
      default:
        switch (i) {
          case 3:
            log.infoInt("nested-switch-await three", await tick(33));
          case 5:
            log.infoInt("nested-switch-await five or fall", await tick(i));
            break;
          default:
            log.infoInt("nested-switch-await default", i);
        }
    }
    log.infoInt("nested-switch-await tail", i);
  }
});

export function main(): void {
  user.spawn();
}
