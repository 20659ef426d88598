// Parity program (test/parity/): a sync generator yielding from inside a
// switch in a loop is consumed in async code that awaits per item.
import { Timer, Duration, log, task } from "outpost";

function* events(n: i32): Generator<i32> {
  for (let i = 0; i < n; i++) {
    switch (i % 3) {
      case 0:
        yield i * 10;
        break;
      case 1:
        yield -i;
        yield i;
        break;
      default:
        continue;
    }
  }
}

export const user = task(1, async (): Promise<void> => {
  for (const e of events(6)) {
    await Timer.after(Duration.millis(1));
    log.infoInt("generator-switch event", e);
  }
});

export function main(): void {
  user.spawn();
}
