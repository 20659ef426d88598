// Parity program (test/parity/): futures kept in variables and awaited
// later — one awaited after some sync work, two joined — give the results
// of their own calls.
import { Timer, Duration, join, log, task } from "outpost";

async function measure(id: i32): Promise<i32> {
  await Timer.after(Duration.millis(id));
  log.infoInt("stored-future measured", id);
  return id * 10;
}

export const user = task(1, async (): Promise<void> => {
  const f = measure(3);
  let sum: i32 = 0;
  for (let i = 0; i < 4; i++) sum += i;
  log.infoInt("stored-future sum", sum);
  const v = await f;
  log.infoInt("stored-future value", v);
  const a = measure(2);
  const b = measure(4);
  await join(a, b);
  log.infoInt("stored-future joined", 1);
});

export function main(): void {
  user.spawn();
}
