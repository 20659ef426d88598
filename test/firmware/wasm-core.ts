// Executor, time and sync with no HAL: what `outpost size` reports for the
// runtime core. A producer ticks every 10 ms and sends a counter through a
// channel; a consumer takes it under a mutex and signals a watcher, which
// times out after a second without news. test/wasm/interpreter-build.test.ts
// and size-budget.test.ts build it. Written without `!` assertions, whose
// run-time null checks (and their abort text) would count against the core.
import { Task, TaskPool, Ticker, Timer, Duration, Signal, Channel, ChannelSend, ChannelReceive, Mutex, MutexLock } from "outpost";

const queue = new Channel<i32>(4, 2, "queue");
const lock = new Mutex(2, "lock");
const news = new Signal<i32>("news");

class Producer extends Task {
  ticker: Ticker = new Ticker();
  n: i32 = 0;
  sending: ChannelSend<i32> | null = null;

  poll(): bool {
    while (true) {
      let sending = this.sending;
      if (sending === null) {
        if (!this.ticker.next().poll()) return false;
        this.sending = sending = queue.send(this.n++);
      }
      if (!sending.poll()) return false;
      this.sending = null;
    }
  }
}

class Consumer extends Task {
  receiving: ChannelReceive<i32> | null = null;
  locking: MutexLock | null = null;

  poll(): bool {
    while (true) {
      let receiving = this.receiving;
      if (receiving === null) this.receiving = receiving = queue.receive();
      if (!receiving.poll()) return false;
      let locking = this.locking;
      if (locking === null) this.locking = locking = lock.lock();
      if (!locking.poll()) return false;
      news.signal(receiving.value);
      lock.unlock();
      this.receiving = null;
      this.locking = null;
    }
  }
}

class Watcher extends Task {
  timer: Timer = new Timer();
  armed: bool = false;

  poll(): bool {
    while (true) {
      if (!this.armed) {
        this.timer.after(Duration.seconds(1));
        this.armed = true;
      }
      if (news.wait().poll()) {
        this.armed = false;
        continue;
      }
      if (!this.timer.poll()) return false;
      news.cancel();
      return true;
    }
  }
}

const producers = new TaskPool<Producer>("producer", 1);
const consumers = new TaskPool<Consumer>("consumer", 1);
const watchers = new TaskPool<Watcher>("watcher", 1);

export function main(): void {
  producers.spawn().ticker.every(Duration.millis(10));
  consumers.spawn();
  watchers.spawn();
}
