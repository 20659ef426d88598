/**
 * Time: `Instant` (µs since boot on the host's monotonic clock) and
 * `Duration` (µs), both plain i64 so that time arithmetic never allocates.
 * Conversions from larger units are exact; `Duration.toMillis` rounds down.
 */
import { now_us } from "./abi";

/** "No deadline": later than any instant. */
// @ts-ignore: decorator
@inline export const NO_DEADLINE: i64 = i64.MAX_VALUE;

export type Duration = i64;
export namespace Duration {
  export function micros(n: i64): Duration { return n; }
  export function millis(n: i64): Duration { return n * 1_000; }
  export function seconds(n: i64): Duration { return n * 1_000_000; }
  export function minutes(n: i64): Duration { return n * 60_000_000; }
  export function hours(n: i64): Duration { return n * 3_600_000_000; }
  /** Whole milliseconds, rounded down. */
  export function toMillis(d: Duration): i64 { return d / 1_000; }
}

export type Instant = i64;
export namespace Instant {
  /** Now, read from the host (`now_us`). */
  export function now(): Instant { return now_us(); }
}
