// Parity program (test/parity/): an overriding async method awaits the
// method it overrides (`await super.read(x)`) between its own awaits.
import { Timer, Duration, log, task } from "outpost";

class Reader {
  async read(x: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    log.infoInt("super-call base read", x);
    return x + 1;
  }
}

class LoggedReader extends Reader {
  async read(x: i32): Promise<i32> {
    log.infoInt("super-call before", x);
    const v = await super.read(x * 10);
    await Timer.after(Duration.millis(1));
    log.infoInt("super-call after", v);
    return v * 2;
  }
}

const reader: Reader = new LoggedReader();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("super-call result", await reader.read(3));
});

export function main(): void {
  user.spawn();
}
