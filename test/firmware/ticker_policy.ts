// Ticker missed-tick policies, period 10 ms, both tasks late by 35 ms after
// tick 2:
//   "catchup" keeps every tick: ticks 3, 4, 5 arrive at once at 55 ms,
//             then tick 6 at 60 ms on the original grid;
//   "skipper" calls skipMissed(): logs how many it dropped (3), then its
//             next tick is 60 ms (tick 6: the phase is kept).
// Also: a cancelled next() consumes no tick, and reset() restarts the grid.
import { Task, TaskPool, Ticker, Timer, Duration, Instant, WithTimeout, log } from "outpost";

class Late extends Task {
  ticker: Ticker = new Ticker();
  nap: Timer = new Timer();
  skip: bool = false;
  label: string = "";
  step: i32 = 0;

  poll(): bool {
    while (true) {
      if (this.step == 0) {
        this.ticker.every(Duration.millis(10));
        this.step = 1;
      }
      if (this.step == 1) {
        if (!this.ticker.next().poll()) return false;
        log.infoInt(this.label, Instant.now());
        if (this.ticker.ticks == 2) {
          this.nap.after(Duration.millis(35));
          this.step = 2;
        } else if (this.ticker.ticks == 7) {
          return true;
        }
      }
      if (this.step == 2) {
        if (!this.nap.poll()) return false;
        if (this.skip) log.infoInt("skipped", this.ticker.skipMissed());
        this.step = 1;
      }
    }
  }
}

class Canceller extends Task {
  ticker: Ticker = new Ticker();
  timeout: WithTimeout<Ticker> = new WithTimeout<Ticker>();
  step: i32 = 0;

  poll(): bool {
    while (true) {
      if (this.step == 0) {
        this.ticker.every(Duration.millis(10));
        // Give up 4 ms in: the tick at 10 ms must still come, at 10 ms.
        this.timeout.of(Duration.millis(4), this.ticker.next());
        this.step = 1;
      }
      if (this.step == 1) {
        if (!this.timeout.poll()) return false;
        log.infoInt("gave up", Instant.now());
        this.step = 2;
      }
      if (this.step == 2) {
        if (!this.ticker.next().poll()) return false;
        log.infoInt("after cancel", Instant.now());
        log.infoInt("after cancel ticks", this.ticker.ticks);
        this.ticker.reset(); // at 10 ms: next ticks at 20, 30
        this.step = 3;
      }
      if (this.step == 3) {
        if (!this.ticker.next().poll()) return false;
        log.infoInt("after reset", Instant.now());
        return true;
      }
    }
  }
}

const late = new TaskPool<Late>("late", 2);
const cancellers = new TaskPool<Canceller>("canceller", 1);

export function main(): void {
  const a = late.spawn();
  a.label = "catchup";
  const b = late.spawn();
  b.label = "skipper";
  b.skip = true;
  cancellers.spawn();
}
