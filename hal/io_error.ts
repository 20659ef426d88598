/**
 * The HAL's errors as something to catch. I/O operations resolve to a count
 * or an `ErrorKind` (error.ts): the result to check, which drivers use.
 * Application code that would rather write the happy path and handle
 * failures in one `catch` awaits through `orThrow`:
 *
 *   try {
 *     const n = await orThrow(uart.read(buf));      // a count ≥ 0, or throws
 *     …
 *   } catch (e) {
 *     if (e instanceof IoError) log.info(`lost input: ${errorName((e as IoError).kind)}`);
 *   }
 *
 *   import { IoError, orThrow } from "outpost/hal/io_error";
 *
 * Both ways report the same errors, once, by the same operation. An
 * `IoError` is one object per ErrorKind, made at init: throwing it
 * allocates nothing, and `e === ioError(ErrorKind.OVERRUN)` holds. It is
 * not re-exported from "outpost/hal": only firmware that imports this
 * module carries those objects.
 */
import { ValueFuture } from "outpost";
import { ErrorKind, errorName } from "outpost/hal/error";

/** An ErrorKind thrown: `kind` is the ErrorKind, `message` its name ("overrun"). */
export class IoError extends Error {
  constructor(public readonly kind: i32) {
    super(errorName(kind));
    this.name = "IoError";
  }
}

const OVERRUN = new IoError(ErrorKind.OVERRUN);
const FRAMING = new IoError(ErrorKind.FRAMING);
const BUSY = new IoError(ErrorKind.BUSY);
const OVERFLOW = new IoError(ErrorKind.OVERFLOW);
const INVALID = new IoError(ErrorKind.INVALID);
const OTHER = new IoError(ErrorKind.OTHER);

/** The IoError of an ErrorKind (any other negative value: OTHER's). */
export function ioError(kind: i32): IoError {
  switch (kind) {
    case ErrorKind.OVERRUN: return OVERRUN;
    case ErrorKind.FRAMING: return FRAMING;
    case ErrorKind.BUSY: return BUSY;
    case ErrorKind.OVERFLOW: return OVERFLOW;
    case ErrorKind.INVALID: return INVALID;
  }
  return OTHER;
}

/** Awaits an I/O result: resolves to it when it is a value (≥ 0), throws its IoError when it is an ErrorKind. */
export async function orThrow(op: ValueFuture<i32>): Promise<i32> {
  const n = await op;
  if (n < 0) throw ioError(n);
  return n;
}
