// Parity program (test/parity/): a select's winner index used where it is
// awaited: as an array index, a switch discriminant, in a condition, in
// template text and added to a counter, with the winner's .value read
// in the same statement.
import { Timer, Duration, select, log, task } from "outpost";

const names: StaticArray<string> = ["left", "right"];

async function after(ms: i32, v: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  return v;
}

export const user = task(1, async (): Promise<void> => {
  const a = after(2, 10);
  const b = after(1, 20);
  log.info(`select-inline name ${names[await select(a, b)]} ${b.value}`);
  const c = after(1, 30);
  const d = after(3, 40);
  switch (await select(c, d)) {
    case 0:
      log.infoInt("select-inline case 0", c.value);
      break;
    default:
      log.infoInt("select-inline case 1", d.value);
  }
  const e = after(4, 50);
  const f = after(2, 60);
  if ((await select(e, f)) == 1 && f.value == 60) log.info("select-inline cond");
  const g = after(1, 70);
  const h = after(1, 80);
  log.info(`select-inline text ${await select(g, h)} ${g.value}`);
  let wins = 100;
  const k = after(5, 1);
  const m = after(2, 2);
  wins += await select(k, m);
  log.infoInt("select-inline wins", wins + m.value);
});

export function main(): void {
  user.spawn();
}
