// Parity program (test/parity/): `await` right of `||` runs only when the
// left side is false, and its result decides the condition.
import { Timer, Duration, log, task } from "outpost";

async function probe(id: i32, result: bool): Promise<bool> {
  await Timer.after(Duration.millis(3));
  log.infoInt("or-await probed", id);
  return result;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const cached = i == 2;
    if (cached || (await probe(i, i == 3))) log.infoInt("or-await hit", i);
    else log.infoInt("or-await miss", i);
  }
  const either: bool = (await probe(10, false)) || (await probe(11, true));
  log.infoInt("or-await either", either ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
