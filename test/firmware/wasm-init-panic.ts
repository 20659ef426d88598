// Spawns twice from a pool of one: POOL_FULL during outpost_init.
import { Task, TaskPool } from "outpost";

class Once extends Task {
  poll(): bool {
    return true;
  }
}

const pool = new TaskPool<Once>("once", 1);

export function main(): void {
  pool.spawn();
  pool.spawn();
}
