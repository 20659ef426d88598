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
 *   of(d, f) ①        poll: f.poll() true ②                        → DONE, timedOut = false
 *   ─────────► ARMED ─ poll: f pending, now ≥ deadline ③ → CLEANING → DONE, timedOut = true
 *                    └ cancel() ④ ──────────────────────→ CANCELLING → IDLE
 *
 *   ② the inner future is polled first, so when it completes in the same
 *      poll in which the deadline passes, its result wins and nothing is lost;
 *      an error it completes with is the timeout's (`failure()`);
 *   ③ f.cancel() runs once, in this poll; the timeout completes once f's
 *      cleanup has finished (`pollCancel()`: an async `finally` may await);
 *   ④ the timeout itself is dropped (a select loser): f.cancel() runs once,
 *      and `pollCancel()` drives f's cleanup.
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
@inline const CLEANING: u8 = 2;
// @ts-ignore: decorator
@inline const CANCELLING: u8 = 3;
// @ts-ignore: decorator
@inline const DONE: u8 = 4;

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

  /** The inner future, which of()/at() stored before any state but IDLE. */
  // @ts-ignore: decorator
  @inline private get held(): F {
    return changetype<F>(changetype<usize>(this.inner));
  }

  poll(): bool {
    const state = this.state;
    if (state == CLEANING) return this.cleaned(DONE);
    if (state != ARMED) {
      if (state == DONE) return true;
      panicMisuse("WithTimeout", "", textOf("polled a WithTimeout that is not armed (never armed, or cancelled): call of(d, f) first"));
    }
    const inner = this.held;
    const mark = wakeMark();
    if (inner.poll()) {
      this.state = DONE;
      dropWakesSince(mark); // done: whatever the inner future asked for no longer matters
      return true;
    }
    if (now_us() >= this.deadline) {
      this.timedOut = true;
      dropWakesSince(mark); // the cancelled inner future's timers no longer matter (its cleanup may ask again)
      inner.cancel();
      return this.cleaned(DONE);
    }
    scheduleWake(this.deadline);
    return false;
  }

  /** Drives the cancelled inner future's cleanup; once finished, moves to `then` and is true. */
  private cleaned(then: u8): bool {
    this.state = then == DONE ? CLEANING : CANCELLING;
    if (!this.held.pollCancel()) return false;
    this.state = then;
    return true;
  }

  failure(): Error | null {
    return this.state == DONE && !this.timedOut ? this.held.failure() : null;
  }

  cancel(): void {
    if (this.state == ARMED) this.held.cancel();
    else if (this.state != CLEANING) return;
    this.cleaned(IDLE);
  }

  pollCancel(): bool {
    return this.state != CANCELLING || this.cleaned(IDLE);
  }

  /** Introspection: the inner future, for an await chain. */
  awaiting(): Future | null {
    return this.state == IDLE ? null : this.inner;
  }
}

/** A `WithTimeout` racing `f` against `d` from now. Allocates: init only. */
export function withTimeout<F extends Future>(d: Duration, f: F): WithTimeout<F> {
  return new WithTimeout<F>().of(d, f);
}
