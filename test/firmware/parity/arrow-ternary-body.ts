// Parity program (test/parity/): an async arrow whose expression body is a
// `?:` with an await in each branch, or a comma list of awaits, runs only
// the branch chosen and gives the last value.
import { Timer, Duration, log, task } from "outpost";

async function val(v: i32): Promise<i32> {
  await Timer.after(Duration.millis(3));
  log.infoInt("arrow-ternary-body val", v);
  return v;
}

const pick = async (k: i32): Promise<i32> => (k > 1 ? await val(k * 10) : await val(-k));
const both = async (k: i32): Promise<i32> => (await val(k), await val(k + 1));

export const user = task(1, async (): Promise<void> => {
  log.infoInt("arrow-ternary-body pick", await pick(2));
  log.infoInt("arrow-ternary-body pick", await pick(1));
  log.infoInt("arrow-ternary-body both", await both(5));
});

export function main(): void {
  user.spawn();
}
