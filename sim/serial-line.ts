/**
 * Byte timing on one direction of a UART line (8N1: 10 bits a byte).
 *
 * At 9600 baud a byte takes 1041.67 µs, which no integer clock can hold, so
 * a line does not add byte times up. It remembers when the current
 * back-to-back run of bytes (a train) started and how many bytes it has
 * carried, and computes the k-th byte's end exactly:
 *
 *   end(k) = start + ceil(k * 10_000_000 / baud)      (µs, integer arithmetic)
 *
 * rounded up because a byte can only be seen once its stop bit is over. A
 * train never drifts however long it runs: every `baud` bytes it rebases by
 * exactly 10 s. A byte queued while the line is busy, or in the very µs the
 * previous byte finished, joins the train; a byte queued later starts a new
 * train at that time.
 */

const BIT_TIME_SCALE = 10_000_000; // 10 bits per byte × 1_000_000 µs per second

export class SerialLine {
  private start = 0;
  private count = 0;
  private baud = 0;

  /** When a byte handed to the line at `now` has fully crossed it (µs). */
  next(now: number, baud: number): number {
    const idle = this.idleAt();
    if (baud !== this.baud || now > idle) {
      this.start = Math.max(now, idle);
      this.count = 0;
      this.baud = baud;
    }
    this.count++;
    if (this.count >= baud) {
      this.start += BIT_TIME_SCALE;
      this.count -= baud;
    }
    return this.idleAt();
  }

  /** When the last byte handed over finishes; -Infinity before the first. */
  private idleAt(): number {
    if (this.baud === 0) return -Infinity;
    return this.start + ceilDiv(this.count * BIT_TIME_SCALE, this.baud);
  }
}

/** ceil(n / d) for non-negative safe integers, without float rounding. */
function ceilDiv(n: number, d: number): number {
  const r = n % d;
  return (n - r) / d + (r === 0 ? 0 : 1);
}
