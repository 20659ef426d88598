/**
 * `ErrorKind`: how HAL operations report failures a firmware should handle
 * (as opposed to bugs, which panic). One convention everywhere, documented in
 * hal/README.md:
 *
 *   an i32 result that is ≥ 0 is a value (a byte count, a length);
 *   an i32 result that is < 0 is an ErrorKind.
 *
 * I/O futures (`read`, `write`, `fillBuf`, `readExact`, …) resolve to a
 * count or an ErrorKind; `Stream.next()` futures carry a `status` that is
 * `StreamStatus.ITEM`, `StreamStatus.END` or an ErrorKind. Errors are
 * reported once, by the next operation, and never stick: the operation after
 * that proceeds normally. Each peripheral also counts its errors (e.g.
 * `Uart.overruns`) so that nothing goes unnoticed when a result is ignored.
 *
 * Modelled on embedded-io's `ErrorKind`. Values are stable: firmware may log
 * or compare them.
 */

export namespace ErrorKind {
  /** Received bytes were lost: they arrived while the receive FIFO (or an edge ring) was full. */
  // @ts-ignore: decorator
  @inline export const OVERRUN: i32 = -1;
  /** A byte arrived garbled (the sender's baud rate differs from the port's). */
  // @ts-ignore: decorator
  @inline export const FRAMING: i32 = -2;
  /** The direction already has an operation in flight (the panicking forms raise PanicCode.BUSY instead). */
  // @ts-ignore: decorator
  @inline export const BUSY: i32 = -3;
  /** Data did not fit: e.g. a line longer than the line reader's buffer. */
  // @ts-ignore: decorator
  @inline export const OVERFLOW: i32 = -4;
  /** Data was malformed (bad checksum, unparsable field). */
  // @ts-ignore: decorator
  @inline export const INVALID: i32 = -5;
  /** Anything else. */
  // @ts-ignore: decorator
  @inline export const OTHER: i32 = -6;
}

/** True when an i32 result is an ErrorKind rather than a value. */
// @ts-ignore: decorator
@inline export function isError(result: i32): bool {
  return result < 0;
}

/** A short lowercase name for an ErrorKind ("overrun"), for logs and messages. */
export function errorName(kind: i32): string {
  switch (kind) {
    case ErrorKind.OVERRUN: return "overrun";
    case ErrorKind.FRAMING: return "framing";
    case ErrorKind.BUSY: return "busy";
    case ErrorKind.OVERFLOW: return "overflow";
    case ErrorKind.INVALID: return "invalid";
    case ErrorKind.OTHER: return "other";
  }
  return kind >= 0 ? "ok" : "unknown";
}
