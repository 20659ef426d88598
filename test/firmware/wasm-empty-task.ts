// A task with no state of its own: logs the byte size of its object, which is
// the task header alone (asc's object header stores it as rtSize, 4 bytes
// before the object).
import { Task, TaskPool, log } from "outpost";

class Empty extends Task {
  poll(): bool {
    return true;
  }
}

const pool = new TaskPool<Empty>("empty", 1);

export function main(): void {
  const task = pool.spawn();
  log.infoInt("task bytes", load<u32>(changetype<usize>(task) - 4)); // rtSize, the last field of the object header
}
