/**
 * `WithTimeout<F>`: runs a future against a deadline. It completes when the
 * inner future completes (`timedOut` false) or when the deadline passes
 * first (`timedOut` true; the inner future's `cancel()` has then run,
 * exactly once).
 *
 *   const rx = new WithTimeout<ChannelReceive<i32>>();   // at init
 *   rx.of(Duration.millis(50), channel.receive());       // arm, then poll
 *   // done: rx.timedOut ? no value : rx.inner!.value
 *
 * `withTimeout(d, f)` is the allocating factory for init-time code; the
 * instance form re-arms (`of(d, f)` or `at(deadline, f)`).
 *
 *   of(d, f) ①        poll: f.poll() true ②          → DONE, timedOut = false
 *   ─────────► ARMED ─ poll: f pending, now ≥ deadline ③ → DONE, timedOut = true
 *                    └ cancel() ④ ─────────────────────→ IDLE
 *
 *   ② the inner future is polled first, so when it completes in the same
 *      poll in which the deadline passes, its result wins and nothing is lost;
 *   ③ f.cancel() runs once, in this poll;
 *   ④ the timeout itself is dropped (a select loser): f.cancel() runs once.
 *
 * Cancel-safe as far as F is: the only thing cancelled is F, exactly once.
 * No allocation after init. Cost per poll: the inner poll, one `now_us`, and
 * an i64 compare. Panics only if polled before it was armed (ABORT).
 */
import { Future } from "./future";
import { now_us } from "./abi";
import { dropWakesSince, scheduleWake, wakeMark } from "./executor";
import { Duration, Instant } from "./time";
import { panicMisuse } from "./errors";
import { textOf } from "./text";

// @ts-ignore: decorator
@inline const IDLE: u8 = 0;
// @ts-ignore: decorator
@inline const ARMED: u8 = 1;
// @ts-ignore: decorator
@inline const DONE: u8 = 2;

@final
export class WithTimeout<F extends Future> extends Future {
  /** The future being raced against the deadline. */
  inner: F | null = null;
  /** When it gives up (µs). */
  deadline: Instant = 0;
  /** After completion: true if the deadline passed first. */
  timedOut: bool = false;
  private state: u8 = IDLE;

  /** Arms: race `f` against `d` from now. */
  of(d: Duration, f: F): WithTimeout<F> {
    return this.at(now_us() + d, f);
  }

  /** Arms: race `f` against the instant `deadline`. */
  at(deadline: Instant, f: F): WithTimeout<F> {
    this.inner = f;
    this.deadline = deadline;
    this.timedOut = false;
    this.state = ARMED;
    return this;
  }

  poll(): bool {
    if (this.state != ARMED) {
      if (this.state == DONE) return true;
      panicMisuse("WithTimeout", "", textOf("polled a WithTimeout that is not armed (never armed, or cancelled): call of(d, f) first"));
    }
    const inner = changetype<F>(changetype<usize>(this.inner)); // ARMED implies of()/at() stored a future
    const mark = wakeMark();
    if (inner.poll()) {
      this.state = DONE;
      dropWakesSince(mark); // done: whatever the inner future asked for no longer matters
      return true;
    }
    if (now_us() >= this.deadline) {
      this.state = DONE;
      this.timedOut = true;
      inner.cancel();
      dropWakesSince(mark); // the cancelled inner future's timers no longer matter
      return true;
    }
    scheduleWake(this.deadline);
    return false;
  }

  cancel(): void {
    if (this.state != ARMED) return;
    this.state = IDLE;
    changetype<F>(changetype<usize>(this.inner)).cancel(); // ARMED implies of()/at() stored a future
  }
}

/** A `WithTimeout` racing `f` against `d` from now. Allocates: init only. */
export function withTimeout<F extends Future>(d: Duration, f: F): WithTimeout<F> {
  return new WithTimeout<F>().of(d, f);
}
