// Timer ordering: 50 tasks sleep through 1,000 seeded random deadlines
// (20 each, increasing per task, on a 10 µs grid so that tasks collide).
// Each wake logs "t<task> <deadline>"; a wake at any other instant than the
// deadline logs "late <task> <now>". The test regenerates the deadlines with
// the same xorshift32 and expects the log in deadline order, ties in the
// order the deadlines were armed.
import { Task, TaskPool, Timer, Instant, log } from "outpost";

const TASKS = 50;
const PER_TASK = 20;
let seed: u32 = 0x2545f491;

function next(): u32 {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}

const deadlines = new StaticArray<i64>(TASKS * PER_TASK);

class Sleeper extends Task {
  index: i32 = 0;
  label: string = "";
  k: i32 = 0;
  timer: Timer = new Timer();

  poll(): bool {
    while (this.k < PER_TASK) {
      const due = deadlines[this.index * PER_TASK + this.k];
      this.timer.at(due);
      if (!this.timer.poll()) return false;
      if (Instant.now() != due) log.infoInt("late " + this.label, Instant.now());
      log.infoInt(this.label, due);
      this.k++;
    }
    return true;
  }
}

const sleepers = new TaskPool<Sleeper>("sleeper", TASKS);

export function main(): void {
  for (let t = 0; t < TASKS; t++) {
    let at: i64 = 0;
    for (let k = 0; k < PER_TASK; k++) {
      at += <i64>(1 + next() % 300) * 10;
      deadlines[t * PER_TASK + k] = at;
    }
  }
  for (let t = 0; t < TASKS; t++) {
    const s = sleepers.spawn();
    s.index = t;
    s.label = "t" + t.toString();
  }
}
