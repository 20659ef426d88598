// Parity program (test/parity/): `await` in both branches of `?:` runs
// only the branch the condition picks.
import { Timer, Duration, log, task } from "outpost";

async function slow(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(10));
  log.infoInt("conditional-await slow", x);
  return x * 100;
}

async function fast(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  log.infoInt("conditional-await fast", x);
  return x;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const v = i % 2 == 0 ? await fast(i) : await slow(i);
    log.infoInt("conditional-await value", v);
  }
  const on = true;
  log.infoInt("conditional-await nested", on ? (!on ? await slow(9) : await fast(8)) : 0);
});

export function main(): void {
  user.spawn();
}
