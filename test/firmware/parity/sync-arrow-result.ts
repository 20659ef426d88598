// Parity program (test/parity/): a sync arrow declared in async code, with
// its types written, gives its result to the code around it: in a template,
// in arithmetic after an await, and through a function-typed parameter.
import { Timer, Duration, log, task } from "outpost";

let base: i32 = 3;

async function apply(f: (x: i32) => i32, x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  const r = f(x);
  log.info(`sync-arrow-result applied ${r}`);
  return r;
}

export const user = task(1, async (): Promise<void> => {
  const scale = (x: i32): i32 => x * base;
  const orDefault = (x: i32): i32 => {
    let y = x;
    y ||= 7;
    return y;
  };
  const even = (x: i32): bool => x % 2 == 0;
  await Timer.after(Duration.millis(1));
  const a = scale(2);
  log.info(`sync-arrow-result scaled ${a} ${scale(4)} ${even(a)}`);
  base = 5;
  await Timer.after(Duration.millis(1));
  log.infoInt("sync-arrow-result later", scale(2) + orDefault(0) * 100 + orDefault(2) * 1000);
  log.infoInt("sync-arrow-result applied", await apply(scale, 6));
  log.infoInt("sync-arrow-result twice", (await apply(orDefault, 0)) + scale(1));
});

export function main(): void {
  user.spawn();
}
