// Parity program (test/parity/): awaits under unary operators (`!`, `-`,
// `~`) and in a polling `while (!(await ready()))` loop give the same
// values as in sync code.
import { Timer, Duration, log, task } from "outpost";

let ticks = 0;

async function ready(): Promise<bool> {
  await Timer.after(Duration.millis(2));
  ticks++;
  return ticks >= 3;
}

async function n(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x;
}

export const user = task(1, async (): Promise<void> => {
  while (!(await ready())) log.infoInt("unary-await waiting", ticks);
  log.infoInt("unary-await ready", ticks);
  log.infoInt("unary-await neg", -(await n(5)));
  log.infoInt("unary-await not", ~(await n(5)));
  if (!(await n(0))) log.infoInt("unary-await zero is falsy", 1);
  log.infoInt("unary-await both", -(await n(2)) * -(await n(3)));
});

export function main(): void {
  user.spawn();
}
