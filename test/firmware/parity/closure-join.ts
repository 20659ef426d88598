// Parity program (test/parity/): one async closure value called twice at
// once (both calls joined) gives each call its own arguments and result.
import { Timer, Duration, join, log, task } from "outpost";

export const user = task(1, async (scale: i32): Promise<void> => {
  const scaled = async (x: i32): Promise<void> => {
    await Timer.after(Duration.millis(x));
    log.infoInt("closure-join scaled", x * scale);
  };
  await join(scaled(3), scaled(1));
  log.infoInt("closure-join both", 1);
});

export function main(): void {
  user.spawn(7);
}
