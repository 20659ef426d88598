/**
 * `Ticker`: a periodic timer whose n-th tick is due at exactly
 * start + n·period, however late its task runs (no drift).
 *
 *   const ticker = new Ticker();          // at init (a task field)
 *   ticker.every(Duration.millis(10));    // start = now; arm once
 *   // in the task, per tick: poll ticker.next() until true
 *
 * `Ticker.every(period)` is the allocating static twin, for init-time code.
 *
 * Missed ticks (the task came back after more than one period): every tick
 * is delivered, late ones at once, one per `next()` (Embassy's policy). A
 * task that fell k periods behind gets k immediate completions and is then
 * back on the original grid; `ticks` counts delivered ticks, so tick n is
 * always the n-th completion. A task that prefers to drop missed ticks calls
 * `skipMissed()` before `next()`; it keeps the phase (start + n·period) and
 * returns how many it dropped.
 *
 *   every(p) ①          next().poll(): now < due ②     now ≥ due ③
 *   ─────────► ARMED ──────────────────────────────► ARMED ──────────► ARMED
 *              due = start + p                       (wake at due)     due += p, ticks++
 *
 * Cancel-safe: cancelling a pending `next()` consumes no tick; the next
 * `next()` completes at the same instant it would have. No allocation after
 * init; cost per poll: one `now_us` call and an i64 compare. Panics ABORT if
 * `every` gets a period ≤ 0.
 */
import { Future } from "./future";
import { now_us } from "./abi";
import { scheduleWake } from "./executor";
import { Duration, Instant } from "./time";
import { panicBadArgument } from "./errors";
import { textOf } from "./text";

@final
export class Ticker extends Future {
  /** Time between ticks (µs). */
  period: Duration = 0;
  /** When the ticker was started (tick 0). */
  start: Instant = 0;
  /** When the next tick is due: start + (ticks + 1)·period. */
  due: Instant = 0;
  /** Ticks delivered (completions of `next()`) plus ticks skipped. */
  ticks: i64 = 0;

  /** A ticker started now. Allocates: init only. */
  static every(period: Duration): Ticker {
    return new Ticker().every(period);
  }

  /** (Re)starts the ticker now: the first tick is due one period from now. */
  every(period: Duration): Ticker {
    if (period <= 0) panicBadArgument(textOf("Ticker"), textOf("every() needs a period of at least 1 µs"), period);
    this.period = period;
    this.start = now_us();
    this.due = this.start + period;
    this.ticks = 0;
    return this;
  }

  /** Restarts the grid from now with the same period. */
  reset(): Ticker {
    return this.every(this.period);
  }

  /** The future for the next tick (this ticker). */
  // @ts-ignore: decorator
  @inline next(): Ticker {
    return this;
  }

  /**
   * Drops every tick already due, keeping the phase: afterwards the next tick
   * is the first one after now. Returns how many were dropped (0 if on time).
   */
  skipMissed(): i64 {
    const now = now_us();
    if (now < this.due) return 0;
    const missed = (now - this.due) / this.period + 1;
    this.ticks += missed;
    this.due += missed * this.period;
    return missed;
  }

  poll(): bool {
    const due = this.due;
    if (now_us() >= due) {
      this.due = due + this.period;
      this.ticks++;
      return true;
    }
    scheduleWake(due);
    return false;
  }
}
