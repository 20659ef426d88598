// Timer re-arming: 40 sleepers each wait for a seeded random deadline; a
// poker task wakes a random sleeper every 37 µs, and a woken sleeper whose
// deadline has not come moves it (half the time), earlier or later. The
// timer queue must reposition the task each time and wake it exactly at
// its latest deadline. After 4,000 deadlines the firmware logs how many
// were late (woken at any other instant) and how many deadlines moved.
import { Task, TaskPool, Timer, Instant, wake, log } from "outpost";

const SLEEPERS = 40; // the first pool: task ids 0 … 39
const TARGET = 4000;
let seed: u32 = 0x9e3779b9;

function random(): u32 {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}

let done = 0;
let late = 0;
let moves = 0;

class Sleeper extends Task {
  timer: Timer = new Timer();
  due: i64 = -1;

  poll(): bool {
    while (done < TARGET) {
      const now = Instant.now();
      if (this.due < 0) {
        this.due = now + 1 + <i64>(random() % 5000);
        this.timer.at(this.due);
      } else if (now < this.due && random() % 2 == 0) {
        this.due = now + 1 + <i64>(random() % 5000);
        this.timer.at(this.due);
        moves++;
      }
      if (!this.timer.poll()) return false;
      if (now != this.due) late++;
      this.due = -1;
      if (++done == TARGET) {
        log.infoInt("late", late);
        log.infoInt("moved", moves);
      }
    }
    return true;
  }
}

class Poker extends Task {
  timer: Timer = new Timer();

  poll(): bool {
    while (done < TARGET) {
      if (!this.timer.poll()) return false;
      wake(<i32>(random() % SLEEPERS));
      this.timer.after(37);
    }
    return true;
  }
}

const sleepers = new TaskPool<Sleeper>("sleeper", SLEEPERS);
const pokers = new TaskPool<Poker>("poker", 1);

export function main(): void {
  for (let i = 0; i < SLEEPERS; i++) sleepers.spawn();
  pokers.spawn();
}
