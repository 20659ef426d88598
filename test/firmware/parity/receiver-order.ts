// Parity program (test/parity/): a method called on an array element
// (`cells[i].add(await f())`) is called on the element the index named
// before the await, even if the index changes meanwhile.
import { Timer, Duration, log, task } from "outpost";

class Cell {
  total: i32 = 0;
  add(v: i32): i32 {
    this.total += v;
    return this.total;
  }
}

const cells: StaticArray<Cell> = [new Cell(), new Cell(), new Cell()];
let cursor = 0;

async function next(v: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  cursor++;
  return v;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("receiver-order a", cells[cursor].add(await next(5)));
  log.infoInt("receiver-order b", cells[cursor].add(await next(7)));
  let i = 2;
  log.infoInt("receiver-order c", cells[i].add(await next(i--)));
  for (let k = 0; k < 3; k++) log.infoInt("receiver-order total", cells[k].total);
});

export function main(): void {
  user.spawn();
}
