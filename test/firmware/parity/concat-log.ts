// Parity program (test/parity/): string concatenation with numbers turned
// to text (`"a" + n.toString()`) in `log.info` inside async code logs the
// joined text.
import { Timer, Duration, log, task } from "outpost";

const unit = "ms";

export const user = task(1, async (): Promise<void> => {
  let waited: i32 = 0;
  for (let i = 1; i <= 3; i++) {
    await Timer.after(Duration.millis(i));
    waited += i;
    log.info("concat-log waited " + waited.toString() + unit + " after step " + i.toString());
  }
});

export function main(): void {
  user.spawn();
}
