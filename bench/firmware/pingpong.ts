/**
 * Ping-pong benchmark firmware: two tasks bounce a counter through two
 * Signals. One round trip: ping signals, pong wakes and signals back, ping
 * wakes. The host (bench/pingpong.bench.ts) only moves virtual time; the
 * firmware runs one timed run per virtual second, alternating two ways of
 * running the very same poll functions:
 *
 *   odd seconds   "outpost": the driver signals `go`; the executor runs the
 *                 two tasks (run queue, wakers, poll budget) until the
 *                 pinger signals `done` after ROUNDS round trips
 *   even seconds  "direct": the driver calls a second, unregistered pair's
 *                 poll functions alternately in a plain loop: no run queue,
 *                 no wakers (no task is current, so waits register none)
 *
 * Each run logs `<mode> <round trips>` when it ends, so the host can check
 * that the work was done. The host times from the poll at the start of the
 * second to the moment the firmware is idle again.
 */
import { Task, TaskPool, Signal, Timer, Duration, log } from "outpost";
import { runningTask, setRunningTask } from "outpost/current";

const ROUNDS: i32 = 1_000_000;

/** The four signals one pair shares. */
class Wires {
  ping: Signal<i32> = new Signal<i32>("ping");
  pong: Signal<i32> = new Signal<i32>("pong");
  go: Signal<i32> = new Signal<i32>("go");
  done: Signal<i32> = new Signal<i32>("done");
}

/**
 * Idle: waits for `go` (the number of round trips). Running: sends ping n,
 * waits for pong n; after the last one signals `done` and is idle again.
 */
class Pinger extends Task {
  wires: Wires = new Wires();
  running: bool = false;
  rounds: i32 = 0;

  poll(): bool {
    const w = this.wires;
    while (true) {
      if (!this.running) {
        if (!w.go.poll()) return false;
        this.rounds = w.go.value;
        this.running = true;
        w.ping.signal(0);
        w.pong.wait();
      }
      if (!w.pong.poll()) return false;
      const n = w.pong.value + 1;
      if (n == this.rounds) {
        this.running = false;
        w.done.signal(n);
        w.go.wait();
      } else {
        w.ping.signal(n);
        w.pong.wait();
      }
    }
  }
}

/** Waits for ping n, answers pong n. */
class Ponger extends Task {
  wires: Wires | null = null;

  poll(): bool {
    const w = this.wires!;
    while (w.ping.poll()) {
      w.pong.signal(w.ping.value);
      w.ping.wait();
    }
    return false;
  }
}

/** Starts one run per virtual second and logs its result. */
class Driver extends Task {
  timer: Timer = new Timer();
  second: i64 = 0;
  waitingDone: bool = false;
  pinger: Pinger | null = null;
  // The direct pair: plain objects, never spawned.
  directPing: Pinger = new Pinger();
  directPong: Ponger = new Ponger();

  poll(): bool {
    const done = this.pinger!.wires.done;
    while (true) {
      if (this.waitingDone) {
        if (!done.poll()) return false;
        this.waitingDone = false;
        log.infoInt("outpost", done.value);
      }
      if (!this.timer.poll()) return false;
      this.second++;
      this.timer.at(Duration.seconds(this.second + 1));
      if (this.second % 2 == 1) {
        this.pinger!.wires.go.signal(ROUNDS);
        done.wait();
        this.waitingDone = true;
      } else {
        log.infoInt("direct", this.direct());
      }
    }
  }

  /** ROUNDS round trips by calling the direct pair's poll functions in turn. */
  direct(): i32 {
    const a = this.directPing;
    const b = this.directPong;
    const self = runningTask();
    setRunningTask(null); // no task is current: waits register no waker, signals wake nobody
    a.wires.go.signal(ROUNDS);
    const done = a.wires.done;
    while (!done.tryTake()) {
      a.poll();
      b.poll();
    }
    setRunningTask(self);
    return done.value;
  }
}

const pingers = new TaskPool<Pinger>("ping", 1);
const pongers = new TaskPool<Ponger>("pong", 1);
const drivers = new TaskPool<Driver>("driver", 1);

/** Arms the waits a pair starts with: the pinger on `go`, the ponger on `ping`. */
function wire(pinger: Pinger, ponger: Ponger): void {
  ponger.wires = pinger.wires;
  pinger.wires.go.wait();
  pinger.wires.ping.wait();
}

export function main(): void {
  const pinger = pingers.spawn();
  wire(pinger, pongers.spawn());
  const driver = drivers.spawn();
  driver.pinger = pinger;
  driver.timer.at(Duration.seconds(1));
  wire(driver.directPing, driver.directPong);
}
