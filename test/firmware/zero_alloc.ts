// Zero allocation after init: every runtime primitive keeps working for
// millions of polls without touching the heap (the sealed heap would panic
// ALLOC_AFTER_INIT on the first allocation).
//   ping/pong   Signal ping-pong; ping naps 1 ms every 1,000 round trips
//   producer    sends 0, 1, 2, … into a Channel<i32>(4) under a Mutex, napping
//               1 ms every 100 values
//   consumer    receives through withTimeout(5 ms, receive()) and checks
//               the order; logs "order <got>" if a value is out of order
//   metronome   a 1 ms Ticker joined with a Yield, raced against a timer
//               with select
// Every 100,000 round trips ping logs "rounds <n>".
import {
  Task, TaskPool, Timer, Ticker, Yield, Duration, Signal, Channel, ChannelSend, ChannelReceive, Mutex, MutexLock,
  WithTimeout, Join2, Select2, log,
} from "outpost";

const ping = new Signal<i32>("ping");
const pong = new Signal<i32>("pong");
const pipe = new Channel<i32>(4, 2, "pipe");
const guard = new Mutex(2, "guard");

class Ping extends Task {
  n: i32 = 0;
  nap: Timer = new Timer();
  step: i32 = 0;
  poll(): bool {
    while (true) {
      if (this.step == 1) {
        if (!pong.poll()) return false;
        this.n++;
        if (this.n % 100_000 == 0) log.infoInt("rounds", this.n);
        if (this.n % 1_000 == 0) {
          this.nap.after(Duration.millis(1));
          this.step = 2;
        } else {
          this.step = 0;
        }
      }
      if (this.step == 2) {
        if (!this.nap.poll()) return false;
        this.step = 0;
      }
      ping.signal(this.n);
      pong.wait();
      this.step = 1;
    }
  }
}

class Pong extends Task {
  poll(): bool {
    while (ping.wait().poll()) pong.signal(ping.value);
    return false;
  }
}

class Producer extends Task {
  n: i32 = 0;
  step: i32 = 0;
  lock: MutexLock | null = null;
  sending: ChannelSend<i32> | null = null;
  nap: Timer = new Timer();
  poll(): bool {
    while (true) {
      switch (this.step) {
        case 0:
          this.lock = guard.lock();
          this.step = 1;
        case 1:
          if (!this.lock!.poll()) return false;
          this.sending = pipe.send(this.n);
          this.step = 2;
        case 2:
          if (!this.sending!.poll()) return false;
          guard.unlock();
          this.n++;
          if (this.n % 100 == 0) {
            this.nap.after(Duration.millis(1));
            this.step = 3;
          } else {
            this.step = 0;
            continue;
          }
        case 3:
          if (!this.nap.poll()) return false;
          this.step = 0;
      }
    }
  }
}

class Consumer extends Task {
  expected: i32 = 0;
  armed: bool = false;
  timeout: WithTimeout<ChannelReceive<i32>> = new WithTimeout<ChannelReceive<i32>>();
  poll(): bool {
    while (true) {
      if (!this.armed) {
        this.timeout.of(Duration.millis(5), pipe.receive());
        this.armed = true;
      }
      if (!this.timeout.poll()) return false;
      this.armed = false;
      if (this.timeout.timedOut) continue;
      const got = this.timeout.inner!.value;
      if (got != this.expected) log.infoInt("order", got);
      this.expected = got + 1;
    }
  }
}

class Metronome extends Task {
  ticker: Ticker = new Ticker();
  yielder: Yield = new Yield();
  timer: Timer = new Timer();
  both: Join2<Ticker, Yield> = new Join2<Ticker, Yield>();
  race: Select2<Join2<Ticker, Yield>, Timer> = new Select2<Join2<Ticker, Yield>, Timer>();
  armed: bool = false;
  started: bool = false;
  poll(): bool {
    if (!this.started) {
      this.ticker.every(Duration.millis(1));
      this.started = true;
    }
    while (true) {
      if (!this.armed) {
        this.race.of(this.both.of(this.ticker.next(), this.yielder.now()), this.timer.after(Duration.millis(2)));
        this.armed = true;
      }
      if (!this.race.poll()) return false;
      this.armed = false;
    }
  }
}

const pings = new TaskPool<Ping>("ping", 1);
const pongs = new TaskPool<Pong>("pong", 1);
const producers = new TaskPool<Producer>("producer", 1);
const consumers = new TaskPool<Consumer>("consumer", 1);
const metronomes = new TaskPool<Metronome>("metronome", 1);

export function main(): void {
  pings.spawn();
  pongs.spawn();
  producers.spawn();
  consumers.spawn();
  metronomes.spawn();
}
