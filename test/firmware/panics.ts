// Runtime panics, one per run. At 1 ms the "selector" task reads pins P0-P3
// (a binary scenario number the test drives) and starts that scenario:
//   1  pool full       task "spawner" spawns a third task into the pool
//                      "worker" of 2: POOL_FULL naming pool and task
//   2  allocation      task "greeter" joins two strings in its poll:
//                      ALLOC_AFTER_INIT naming the task
//   3  assert          task "checker" fails an assert: ABORT with message,
//                      file, line and column
//   4  signal busy     tasks "waiter" and "intruder" both wait on Signal
//                      "door": BUSY naming the signal and both tasks
//   5  channel busy    Channel<i32> "rx" has 1 receive waiter; two tasks
//                      receive: BUSY naming the channel and the fix
//   6  mutex misuse    task "unlocker" unlocks a free Mutex "bus": ABORT
//   7  task abort      task "aborter" calls abort() with a message
import { Task, TaskPool, Signal, Channel, ChannelReceive, Mutex, log } from "outpost";
import { gpio_configure, gpio_read, PinMode } from "outpost/abi";
import { P0, P1, P2, P3 } from "outpost/board";
import { OnceAt } from "./lib/once_at";

class Worker extends Task {
  poll(): bool {
    return false; // never finishes: its slot stays taken
  }
}

class Spawner extends Task {
  poll(): bool {
    workers.spawn();
    workers.spawn();
    workers.spawn();
    return true;
  }
}

class Greeter extends Task {
  who: string = "world";
  poll(): bool {
    log.info("hello " + this.who);
    return true;
  }
}

class Checker extends Task {
  reading: i32 = 4096;
  poll(): bool {
    assert(this.reading < 4096, "sensor reading out of range");
    return true;
  }
}

const door = new Signal<i32>("door");

class DoorWaiter extends Task {
  poll(): bool {
    return door.wait().poll();
  }
}

const rx = new Channel<i32>(4, 1, "rx");

class RxWaiter extends Task {
  receiving: ChannelReceive<i32> | null = null;
  poll(): bool {
    if (this.receiving === null) this.receiving = rx.receive();
    return this.receiving!.poll();
  }
}

const bus = new Mutex(2, "bus");

class Unlocker extends Task {
  poll(): bool {
    bus.unlock();
    return true;
  }
}

class Aborter extends Task {
  poll(): bool {
    abort("motor stalled");
    return true;
  }
}

const workers = new TaskPool<Worker>("worker", 2);
const spawners = new TaskPool<Spawner>("spawner", 1);
const greeters = new TaskPool<Greeter>("greeter", 1);
const checkers = new TaskPool<Checker>("checker", 1);
const doorWaiters = new TaskPool<DoorWaiter>("waiter", 1);
const intruders = new TaskPool<DoorWaiter>("intruder", 1);
const rxWaiters = new TaskPool<RxWaiter>("receiver", 2);
const unlockers = new TaskPool<Unlocker>("unlocker", 1);
const aborters = new TaskPool<Aborter>("aborter", 1);

class Selector extends OnceAt {
  constructor() {
    super();
    this.at = 1_000;
  }

  act(): void {
    const scenario = gpio_read(P0) | (gpio_read(P1) << 1) | (gpio_read(P2) << 2) | (gpio_read(P3) << 3);
    log.infoInt("scenario", scenario);
    switch (scenario) {
      case 1: spawners.spawn(); break;
      case 2: greeters.spawn(); break;
      case 3: checkers.spawn(); break;
      case 4: doorWaiters.spawn(); intruders.spawn(); break;
      case 5: rxWaiters.spawn(); rxWaiters.spawn(); break;
      case 6: unlockers.spawn(); break;
      case 7: aborters.spawn(); break;
    }
  }
}

const selectors = new TaskPool<Selector>("selector", 1);

export function main(): void {
  gpio_configure(P0, PinMode.INPUT);
  gpio_configure(P1, PinMode.INPUT);
  gpio_configure(P2, PinMode.INPUT);
  gpio_configure(P3, PinMode.INPUT);
  selectors.spawn();
}
