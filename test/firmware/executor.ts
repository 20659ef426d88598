// Executor details:
//   respawn    "flash" wakes itself and then finishes in the same poll; a
//              "respawner" spawns it again three times. Each spawn gets
//              exactly one poll ("flash 1", "flash 2", "flash 3"); a
//              trySpawn while the last one is still queued gets null
//              ("busy 1").
//   deadline   "sleeper" races a 10 ms timer against a signal that fires at
//              2 ms, then waits on the signal alone: its 10 ms deadline is
//              dropped, so it is not polled at 10 ms (the test counts polls).
//   outside    main() polls a 5 ms Timer and a Yield before any task runs:
//              there is no task to wake, so neither wakes one. "idler",
//              the first task polled, parks for good after one poll (not
//              polled again at 5 ms), and nothing is queued by the Yield.
import { Task, TaskPool, Timer, Duration, Yield, Signal, Select2, wake, currentTask, log } from "outpost";
import { OnceAt } from "./lib/once_at";

class Flash extends Task {
  poll(): bool {
    wake(currentTask());
    flashes++;
    log.infoInt("flash", flashes);
    return true;
  }
}

let flashes = 0;

class Respawner extends Task {
  yielder: Yield = new Yield();
  spawned: i32 = 0;
  yielding: bool = false;
  poll(): bool {
    while (true) {
      if (this.yielding) {
        if (!this.yielder.poll()) return false;
        this.yielding = false;
      }
      if (this.spawned == 3) return true;
      flashPool.spawn();
      this.spawned++;
      if (this.spawned == 3) log.infoInt("busy", flashPool.trySpawn() === null ? 1 : 0);
      this.yielder.now();
      this.yielding = true;
    }
  }
}

const bell = new Signal<i32>("bell");

class Sleeper extends Task {
  timer: Timer = new Timer();
  race: Select2<Timer, Signal<i32>> = new Select2<Timer, Signal<i32>>();
  step: i32 = 0;
  poll(): bool {
    if (this.step == 0) {
      this.race.of(this.timer.after(Duration.millis(10)), bell.wait());
      this.step = 1;
    }
    if (this.step == 1) {
      if (!this.race.poll()) return false;
      log.infoInt("race winner", this.race.value);
      this.step = 2;
    }
    return bell.wait().poll(); // nobody signals again
  }
}

class Ringer extends OnceAt {
  constructor() {
    super();
    this.at = 2_000;
  }

  act(): void {
    bell.signal(1);
  }
}

class Idler extends Task {
  poll(): bool {
    return false; // nothing will wake it
  }
}

const idlers = new TaskPool<Idler>("idler", 1);
const flashPool = new TaskPool<Flash>("flash", 1);
const respawners = new TaskPool<Respawner>("respawner", 1);
const sleepers = new TaskPool<Sleeper>("sleeper", 1);
const ringers = new TaskPool<Ringer>("ringer", 1);

export function main(): void {
  const early = new Timer().after(Duration.millis(5));
  const yielder = new Yield();
  log.infoInt("outside a task, timer done", early.poll() ? 1 : 0);
  log.infoInt("outside a task, yield done", yielder.poll() ? 1 : 0);
  idlers.spawn();
  respawners.spawn();
  sleepers.spawn();
  ringers.spawn();
}
