/**
 * Byte I/O traits, after embedded-io-async 0.6: `Read`, `Write`, `BufRead`.
 * Drivers take these interfaces; the ABI-backed implementation is `Uart`
 * (uart.ts). Helpers that loop over them are `ReadExact` and `WriteAll`
 * (io_helpers.ts).
 *
 * Buffers are `StaticArray<u8>` plus a `[start, end)` range (`end = -1`
 * means the buffer's length), because AssemblyScript has no slices and a
 * subarray would allocate. A range outside the buffer panics ABORT.
 *
 * Results follow the HAL's one error convention (error.ts, README.md): a
 * future resolves to a count ≥ 0 or a negative `ErrorKind`.
 *
 * Each method returns the implementation's one future for that direction,
 * re-armed: calling through the interface allocates nothing, and starting a
 * second operation on a direction that has one in flight panics BUSY.
 */
import { Future, ValueFuture } from "outpost";

export interface Read {
  /**
   * Reads into `buf[start, end)`: resolves to the number of bytes read, ≥ 1
   * (0 only for an empty range), as soon as any byte is available; or to an
   * ErrorKind (e.g. OVERRUN once after bytes were lost).
   * Cancel-safe: a cancelled read has taken no byte.
   */
  read(buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): ValueFuture<i32>;
}

export interface Write {
  /**
   * Writes from `buf[start, end)`: resolves to the number of bytes accepted,
   * ≥ 1 (0 only for an empty range), as soon as there is room for any.
   * Cancel-safe: a cancelled write has accepted no byte.
   */
  write(buf: StaticArray<u8>, start: i32 = 0, end: i32 = -1): ValueFuture<i32>;
  /**
   * Resolves (to 0) once every accepted byte is on the wire.
   * Cancel-safe: cancelling only stops waiting.
   */
  flush(): Future;
}

/**
 * Reading through the implementation's internal buffer: `fillBuf()` resolves
 * to how many bytes are buffered (≥ 1, or an ErrorKind); `byteAt(i)` reads
 * them without copying; `consume(n)` drops the first `n`. Bytes not consumed
 * stay for the next `fillBuf` or `read`.
 */
export interface BufRead extends Read {
  /** Resolves to the number of buffered bytes (≥ 1) or an ErrorKind. Cancel-safe. */
  fillBuf(): ValueFuture<i32>;
  /** Buffered byte `i` (0 ≤ i < what `fillBuf` reported); ABORT outside. */
  byteAt(i: i32): u8;
  /** Drops the first `n` buffered bytes (clamped to what is buffered). */
  consume(n: i32): void;
}
