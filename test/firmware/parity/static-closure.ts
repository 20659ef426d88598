// Parity program (test/parity/): an async arrow kept in a static field,
// capturing nothing, is called through the class from two places one after
// the other and updates a static counter.
import { Timer, Duration, log, task } from "outpost";

class Radio {
  static sent: i32 = 0;
  static send: (n: i32) => Promise<i32> = async (n: i32): Promise<i32> => {
    await Timer.after(Duration.millis(n));
    Radio.sent += n;
    return Radio.sent;
  };
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("static-closure first", await Radio.send(2));
  log.infoInt("static-closure second", await Radio.send(3));
});

export function main(): void {
  user.spawn();
}
