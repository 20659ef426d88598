/**
 * The `Delay` trait, after embedded-hal-async's `DelayNs`: a future that
 * completes after a duration. Drivers take a `Delay` for every wait they
 * time, which lets tests substitute one. The implementation on the
 * runtime's timer is `TimerDelay` (timer_delay.ts).
 *
 * A Delay has one future: one delay at a time (a second while one is in
 * flight is a BUSY panic); give each task (or each concurrent wait) its own.
 * Cancel-safe: cancelling holds nothing. Never allocates.
 */
import { Future } from "outpost";

export interface Delay {
  /** Completes `ms` milliseconds from now (at once for ms ≤ 0). */
  delayMs(ms: i32): Future;
  /** Completes `us` microseconds from now (at once for us ≤ 0). */
  delayUs(us: i64): Future;
}
