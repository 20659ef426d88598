// The sealed heap's reallocation, during init: an Array grows in place while
// it is the last block, and moves (keeping its contents) once another object
// follows it. main() logs "sum <n>" and "len <n>" of the final array, then
// pushes after init, which must panic ALLOC_AFTER_INIT from the task.
import { Task, TaskPool, log } from "outpost";

const values = new Array<i32>(0);

class Late extends Task {
  poll(): bool {
    while (values.length < 1000) values.push(99); // past its capacity: growing it allocates
    return true;
  }
}
const late = new TaskPool<Late>("late", 1);

export function main(): void {
  for (let i = 1; i <= 20; i++) values.push(i); // the last block: grows in place
  const other = new Array<i32>(3); // now something follows it
  other[0] = 7;
  for (let i = 21; i <= 40; i++) values.push(i); // moves, keeping 1 … 20
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  log.infoInt("sum", sum + other[0]);
  log.infoInt("len", values.length);
  late.spawn();
}
