// Parity program (test/parity/): an assignment of an awaited value inside a
// loop condition (`while ((n = await next()) > 0)`) tests the new value and
// keeps it for the body.
import { Timer, Duration, log, task } from "outpost";

const queue: StaticArray<i32> = [3, 1, 4, 0, 5];
let head = 0;

async function next(): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return queue[head++];
}

export const user = task(1, async (): Promise<void> => {
  let n = 0;
  let sum = 0;
  while ((n = await next()) > 0) {
    sum += n;
    log.infoInt("assign-in-condition took", n);
  }
  log.infoInt("assign-in-condition stopped at", n);
  log.infoInt("assign-in-condition sum", sum);
  let m: i32;
  if ((m = await next()) == 5) log.infoInt("assign-in-condition last", m);
});

export function main(): void {
  user.spawn();
}
