// Ticker without drift: one task ticks every 1 ms for 1,000,000 ticks.
// Every 100,000th tick logs "tick <now>". Twice the task is late on
// purpose (after tick 250,000 it sleeps 3.5 periods; after tick 700,000,
// 10.2 periods): the missed ticks are delivered at once, logged as
// "late <tick>" at the instant they complete, and the grid is unchanged.
// The last tick logs "last <now>" and "count <ticks>".
import { Task, TaskPool, Ticker, Timer, Duration, Instant, log } from "outpost";

const PERIOD: i64 = 1_000;
const TICKS: i64 = 1_000_000;

class Metronome extends Task {
  ticker: Ticker = new Ticker();
  nap: Timer = new Timer();
  started: bool = false;
  napping: bool = false;
  lateUntil: i64 = 0;

  poll(): bool {
    if (!this.started) {
      this.ticker.every(Duration.micros(PERIOD));
      this.started = true;
    }
    while (true) {
      if (this.napping) {
        if (!this.nap.poll()) return false;
        this.napping = false;
      }
      if (!this.ticker.next().poll()) return false;
      const n = this.ticker.ticks;
      if (n <= this.lateUntil) log.infoInt("late", n);
      if (n % 100_000 == 0) log.infoInt("tick", Instant.now());
      if (n == 250_000) this.sleep(3_500);
      if (n == 700_000) this.sleep(10_200);
      if (n == TICKS) {
        log.infoInt("last", Instant.now());
        log.infoInt("count", n);
        return true;
      }
    }
  }

  /** Sleeps `us`; the ticks due meanwhile then arrive late. */
  sleep(us: i64): void {
    this.nap.after(us);
    this.napping = true;
    this.lateUntil = (Instant.now() + us) / PERIOD;
  }
}

const metronomes = new TaskPool<Metronome>("metronome", 1);

export function main(): void {
  metronomes.spawn();
}
