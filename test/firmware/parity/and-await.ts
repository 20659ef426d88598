// Parity program (test/parity/): `await` right of `&&` runs only when the
// left side is true, and its result decides the condition.
import { Timer, Duration, log, task } from "outpost";

async function check(id: i32, result: bool): Promise<bool> {
  await Timer.after(Duration.millis(2));
  log.infoInt("and-await checked", id);
  return result;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const armed = i != 1;
    if (armed && (await check(i, i < 2))) log.infoInt("and-await pass", i);
    else log.infoInt("and-await fail", i);
  }
  const both: bool = (await check(10, true)) && (await check(11, false));
  log.infoInt("and-await both", both ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
