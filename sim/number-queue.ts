/**
 * A first-in first-out queue of numbers, for models that hand many values
 * to actions they schedule in order (uart.ts: the bytes on a line).
 *
 * `Array.prototype.shift` copies the whole array once it is large (V8 moves
 * big arrays instead of trimming them), which makes a queue of n values
 * cost O(n²); this one reads from a head index and drops the consumed
 * prefix only when it is at least half the array: O(1) amortized, no
 * allocation per value.
 */
export class NumberQueue {
  private items: number[] = [];
  private head = 0;

  push(value: number): void {
    this.items.push(value);
  }

  /** The oldest value, removed; throws on an empty queue (a model's bookkeeping bug). */
  shift(): number {
    if (this.head >= this.items.length) throw new Error("NumberQueue.shift on an empty queue");
    const value = this.items[this.head++]!;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return value;
  }
}
