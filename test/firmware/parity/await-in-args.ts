// Parity program (test/parity/): awaits inside a call's arguments and a
// conditional expression run left to right, each only when reached.
import { Timer, Duration, log, task } from "outpost";

async function val(id: i32, ms: i32): Promise<i32> {
  await Timer.after(Duration.millis(ms));
  log.infoInt("await-in-args val", id);
  return id;
}

const arr: StaticArray<i32> = [7, 8, 9];

function add3(a: i32, b: i32, c: i32): i32 {
  return a * 100 + b * 10 + c;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("await-in-args sum", add3(await val(1, 3), 2, await val(3, 1)));
  for (let i = 0; i < 2; i++) {
    const pick = i == 0 ? await val(4, 2) : (await val(5, 1)) + (await val(6, 1));
    log.infoInt("await-in-args pick", pick);
  }
  log.infoInt("await-in-args index", arr[(await val(2, 1)) - 1]);
});

export function main(): void {
  user.spawn();
}
