// For the deferred-text and release-build tests (test/cli/deferred-text.test.ts):
// task "unlocker" waits 1 ms, then unlocks Mutex "bus", which nobody
// holds: an ABORT panic whose text is mostly message literals.
import { TaskPool, Mutex } from "outpost";
import { OnceAt } from "./lib/once_at";

const bus = new Mutex(1, "bus");

class Unlocker extends OnceAt {
  constructor() {
    super();
    this.at = 1_000;
  }

  act(): void {
    bus.unlock();
  }
}

const unlockers = new TaskPool<Unlocker>("unlocker", 1);

export function main(): void {
  unlockers.spawn();
}
