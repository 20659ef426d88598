// Fairness: "spinner" yields on every poll (it is always ready); "ping" and
// "pong" bounce a counter through two Signals. Every poll logs one line:
// "S <n>", "A <n>" (ping sends n) or "B <n>" (pong answers n). The spinner
// must not starve the pair: the run queue alternates it with them.
// A second group, three tasks that all yield ("Y0 <n>", "Y1 <n>", "Y2 <n>"),
// starts at 1 ms and must run strictly round robin.
import { Task, TaskPool, Timer, Signal, Yield, log } from "outpost";

const ping = new Signal<i32>("ping");
const pong = new Signal<i32>("pong");

class Spinner extends Task {
  n: i32 = 0;
  yielder: Yield = new Yield();
  yielding: bool = false;
  poll(): bool {
    while (true) {
      if (this.yielding) {
        if (!this.yielder.poll()) return false;
        this.yielding = false;
      }
      this.n++;
      log.infoInt("S", this.n);
      if (this.n == 12) return true;
      this.yielder.now();
      this.yielding = true;
    }
  }
}

class Ping extends Task {
  n: i32 = 0;
  waiting: bool = false;
  poll(): bool {
    while (true) {
      if (this.waiting) {
        if (!pong.poll()) return false;
        this.waiting = false;
      }
      this.n++;
      if (this.n > 6) return true;
      log.infoInt("A", this.n);
      ping.signal(this.n);
      pong.wait();
      this.waiting = true;
    }
  }
}

class Pong extends Task {
  poll(): bool {
    while (true) {
      if (!ping.wait().poll()) return false;
      log.infoInt("B", ping.value);
      pong.signal(ping.value);
      if (ping.value == 6) return true;
    }
  }
}

class Yielder extends Task {
  label: string = "";
  n: i32 = 0;
  start: Timer = new Timer();
  yielder: Yield = new Yield();
  step: i32 = 0;
  poll(): bool {
    while (true) {
      if (this.step == 0) {
        this.start.at(1_000);
        this.step = 1;
      }
      if (this.step == 1) {
        if (!this.start.poll()) return false;
        this.step = 2;
      }
      if (this.step == 3) {
        if (!this.yielder.poll()) return false;
      }
      this.n++;
      log.infoInt(this.label, this.n);
      if (this.n == 4) return true;
      this.yielder.now();
      this.step = 3;
    }
  }
}

const spinners = new TaskPool<Spinner>("spinner", 1);
const pings = new TaskPool<Ping>("ping", 1);
const pongs = new TaskPool<Pong>("pong", 1);
const yielders = new TaskPool<Yielder>("yielder", 3);

export function main(): void {
  spinners.spawn();
  pings.spawn();
  pongs.spawn();
  for (let i = 0; i < 3; i++) yielders.spawn().label = "Y" + i.toString();
}
