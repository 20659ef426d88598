// Parity program (test/parity/): nested `?:` whose conditions are awaits
// (`(await a()) ? ((await b()) ? x : await c()) : await d()`) runs only
// the awaits on the path taken.
import { Timer, Duration, log, task } from "outpost";

async function cond(id: i32, v: bool): Promise<bool> {
  await Timer.after(Duration.millis(1));
  log.infoInt("ternary-await-cond cond", id);
  return v;
}

async function val(id: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  log.infoInt("ternary-await-cond val", id);
  return id;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    const r = (await cond(1, i < 2)) ? ((await cond(2, i == 0)) ? 100 : await val(3)) : i == 2 ? await val(4) : (await cond(5, true)) ? -5 : 0;
    log.infoInt("ternary-await-cond result", r);
  }
  const s = (await cond(6, false)) || (await cond(7, true)) ? await val(8) : await val(9);
  log.infoInt("ternary-await-cond s", s);
});

export function main(): void {
  user.spawn();
}
