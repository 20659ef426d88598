/**
 * `Timer`: a future that completes at an instant.
 *
 *   const t = new Timer();              // at init (a task field)
 *   t.after(Duration.millis(500));      // arm, then poll until true
 *
 * `Timer.after(d)` / `Timer.at(t)` also exist as static factories; they
 * allocate, so they are for init-time code. The instance forms re-arm.
 * Cancel-safe: cancelling holds nothing to release (the task's deadline is
 * recomputed on its next poll). Cost: one `now_us` call per poll.
 */
import { Future } from "./future";
import { now_us } from "./abi";
import { scheduleWake } from "./executor";
import { Duration, Instant } from "./time";

export class Timer extends Future {
  /** When the timer completes (µs). */
  expires: Instant = 0;

  static after(d: Duration): Timer { return new Timer().after(d); }
  static at(t: Instant): Timer { return new Timer().at(t); }

  /** Arms the timer to complete `d` from now. */
  after(d: Duration): Timer {
    this.expires = now_us() + d;
    return this;
  }

  /** Arms the timer to complete at `t` (at once if `t` has passed). */
  at(t: Instant): Timer {
    this.expires = t;
    return this;
  }

  poll(): bool {
    if (now_us() >= this.expires) return true;
    scheduleWake(this.expires);
    return false;
  }
}
