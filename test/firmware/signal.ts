// Signal behaviour, logged as "<what> <value>":
//   latest     a waiter parks at 0; at 2 ms a task signals 1, 2, 3 in one
//              poll: the waiter wakes once, at 2 ms, with 3
//   tryTake    empty: 0; after signal(9): 1 and value 9; after signal(4) and
//              reset(): 0
//   handler    an event handler signals the level of pin P4 on each edge
//              (the test drives P4 high at 3 ms, low at 5 ms): a task wakes
//              at each edge with the new level
//   early      a value signalled before anyone waits is taken at once by
//              the first wait()
import { Task, TaskPool, Instant, Signal, EventHandler, listen, log } from "outpost";
import { gpio_configure, gpio_listen, PinMode, Edge, EventSource } from "outpost/abi";
import { P4 } from "outpost/board";
import { OnceAt } from "./lib/once_at";

const latest = new Signal<i32>("latest");
const spare = new Signal<i64>("spare");
const edges = new Signal<i32>("edges");
const early = new Signal<i32>("early");

class Waiter extends Task {
  poll(): bool {
    if (!latest.wait().poll()) return false;
    log.infoInt("latest", latest.value);
    return true;
  }
}

class Signaller extends OnceAt {
  constructor() {
    super();
    this.at = 2_000;
  }

  act(): void {
    latest.signal(1);
    latest.signal(2);
    latest.signal(3);
    log.infoInt("tryTake empty", spare.tryTake() ? 1 : 0);
    spare.signal(9);
    log.infoInt("tryTake", spare.tryTake() ? 1 : 0);
    log.infoInt("tryTake value", spare.value);
    spare.signal(4);
    spare.reset();
    log.infoInt("tryTake after reset", spare.tryTake() ? 1 : 0);
  }
}

class PinHandler extends EventHandler {
  onEvent(source: i32, arg: i32, at: i64): void {
    if ((arg & 0xffff) == P4) edges.signal(arg >> 16);
  }
}

class EdgeWatcher extends Task {
  seen: i32 = 0;
  poll(): bool {
    while (edges.wait().poll()) {
      log.infoInt("edge", edges.value);
      log.infoInt("edge at", Instant.now());
      if (++this.seen == 2) return true;
    }
    return false;
  }
}

class Early extends Task {
  poll(): bool {
    if (!early.wait().poll()) return false;
    log.infoInt("early", early.value);
    return true;
  }
}

const waiters = new TaskPool<Waiter>("waiter", 1);
const signallers = new TaskPool<Signaller>("signaller", 1);
const watchers = new TaskPool<EdgeWatcher>("watcher", 1);
const earlies = new TaskPool<Early>("early", 1);
const handler = new PinHandler();

export function main(): void {
  gpio_configure(P4, PinMode.INPUT);
  gpio_listen(P4, Edge.BOTH);
  listen(EventSource.GPIO_EDGE, handler);
  early.signal(11);
  waiters.spawn();
  signallers.spawn();
  watchers.spawn();
  earlies.spawn();
}
