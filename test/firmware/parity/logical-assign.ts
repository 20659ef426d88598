// Parity program (test/parity/): `&&=`, `||=` and `??=` with an await on
// the right run the await only when the assignment happens; without an
// await, in async code, they assign as in TypeScript.
import { Timer, Duration, log, task } from "outpost";

class Box {
  constructor(public v: i32) {}
}
const fallback = new Box(9);
const counts: StaticArray<i32> = [0, 7];

async function check(id: i32, r: bool): Promise<bool> {
  await Timer.after(Duration.millis(1));
  log.infoInt("logical-assign checked", id);
  return r;
}

async function box(): Promise<Box> {
  await Timer.after(Duration.millis(2));
  log.infoInt("logical-assign boxed", 1);
  return fallback;
}

export const user = task(1, async (): Promise<void> => {
  let ok: bool = true;
  ok &&= await check(1, false);
  ok &&= await check(2, true);
  log.infoInt("logical-assign ok", ok ? 1 : 0);
  let any: bool = false;
  any ||= await check(3, true);
  any ||= await check(4, false);
  log.infoInt("logical-assign any", any ? 1 : 0);
  let b: Box | null = null;
  b ??= await box();
  b ??= await box();
  log.infoInt("logical-assign box", b != null ? b.v : -1);
  let count = 0;
  count ||= 4;
  count &&= count + 1;
  counts[1] ||= count;
  await Timer.after(Duration.millis(1));
  counts[0] ||= 2;
  log.infoInt("logical-assign count", count * 100 + counts[0] * 10 + counts[1]);
});

export function main(): void {
  user.spawn();
}
