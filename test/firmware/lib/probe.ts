/**
 * `Probe`: a future for runtime tests that counts what is done to it. It
 * completes on its `completeAfter`-th poll (0: never); while pending it asks
 * to be polled again `every` µs later, so its poll count is exact in
 * virtual time. `cancels` counts `cancel()` calls: select and timeout tests
 * check it is exactly 1.
 */
import { Future, scheduleWake, Instant } from "outpost";

export class Probe extends Future {
  polls: i32 = 0;
  cancels: i32 = 0;
  completeAfter: i32 = 0;
  every: i64 = 1000;

  /** Re-arms: counters to zero, completes on poll number `completeAfter` (0: never). */
  arm(completeAfter: i32): Probe {
    this.polls = 0;
    this.cancels = 0;
    this.completeAfter = completeAfter;
    return this;
  }

  poll(): bool {
    this.polls++;
    if (this.completeAfter > 0 && this.polls >= this.completeAfter) return true;
    scheduleWake(Instant.now() + this.every);
    return false;
  }

  cancel(): void {
    this.cancels++;
  }
}
