// Deadlock, on purpose: "ping" waits for pong's Signal before it signals its
// own, and "pong" waits for ping's. Neither has a deadline and nothing listens
// to a pin or UART, so once both have parked nothing can ever wake them.
// A third task, "hello", logs and finishes: a finished task is no deadlock.
//
// The tasks are hand-written poll futures; before parking each stores the id
// of its await site in `Task.site`, as lowered `await`s do (site 0: ping's
// wait, site 1: pong's wait; deadlock.sites.json maps them to the lines below).
import { Task, TaskPool, Signal, log } from "outpost";

const fromPing = new Signal<i32>("fromPing");
const fromPong = new Signal<i32>("fromPong");

class Ping extends Task {
  waiting: bool = false;

  poll(): bool {
    if (!this.waiting) {
      this.waiting = true;
      fromPong.wait();
    }
    if (!fromPong.poll()) { // site 0: await fromPong
      this.site = 0;
      return false;
    }
    fromPing.signal(1);
    return true;
  }
}

class Pong extends Task {
  waiting: bool = false;

  poll(): bool {
    if (!this.waiting) {
      this.waiting = true;
      fromPing.wait();
    }
    if (!fromPing.poll()) { // site 1: await fromPing
      this.site = 1;
      return false;
    }
    fromPong.signal(1);
    return true;
  }
}

class Hello extends Task {
  poll(): bool {
    log.info("hello: ping and pong wait for each other");
    return true;
  }
}

const pings = new TaskPool<Ping>("ping", 1);
const pongs = new TaskPool<Pong>("pong", 1);
const hellos = new TaskPool<Hello>("hello", 1);

export function main(): void {
  pings.spawn();
  pongs.spawn();
  hellos.spawn();
}
