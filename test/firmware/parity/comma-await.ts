// Parity program (test/parity/): awaits inside comma (sequence)
// expressions run left to right with the sync parts between them, and the
// expression's value is its last part, also in a for loop's header.
import { Timer, Duration, log, task } from "outpost";

function side(x: i32): i32 {
  log.infoInt("comma-await side", x);
  return x;
}

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(x));
  log.infoInt("comma-await f", x);
  return x * 10;
}

export const user = task(1, async (): Promise<void> => {
  const v = (side(1), await f(2), side(3), await f(4));
  log.infoInt("comma-await v", v);
  let i = 0;
  let j = 0;
  for (i = 0, j = await f(1); i < 3; i++, j += await f(1)) log.infoInt("comma-await ij", i * 1000 + j);
  const w = (await f(2), side(5));
  log.infoInt("comma-await w", w);
});

export function main(): void {
  user.spawn();
}
