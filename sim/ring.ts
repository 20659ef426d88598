/**
 * A bounded history: keeps the newest `capacity` items pushed, forgets
 * older ones, and counts every item ever pushed, so a reader that
 * remembers a position (`total` when it last looked) can ask for what came
 * after it, and learn how much it missed if the ring moved on.
 *
 * What the simulator keeps of a run lives in rings (pin, task and log
 * histories, UART bytes), so memory stays bounded however long a run: a
 * year of blinky is 63 million pin changes. Tools that need everything
 * (a VCD file, a trace) stream it as it happens instead (vcd.ts).
 *
 * Pushing allocates only while the ring fills up; after that it
 * overwrites in place.
 */
export class Ring<T> {
  readonly capacity: number;
  private items: T[] = [];
  /** Where the oldest item is once the ring is full. */
  private head = 0;
  /** Items ever pushed. */
  total = 0;
  /** `toArray()`'s last answer, until the next push. */
  private snapshot: readonly T[] | null = null;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  push(item: T): void {
    this.snapshot = null;
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.head] = item;
      this.head = (this.head + 1) % this.capacity;
    }
    this.total++;
  }

  /** How many items are kept now. */
  get length(): number {
    return this.items.length;
  }

  /** Items pushed and no longer kept. */
  get forgotten(): number {
    return this.total - this.items.length;
  }

  /** The newest item, or undefined. */
  last(): T | undefined {
    return this.items.length === 0 ? undefined : this.items[(this.head + this.items.length - 1) % this.items.length];
  }

  /** The kept items, oldest first: a copy, shared by every call until the next push (do not change it). */
  toArray(): readonly T[] {
    this.snapshot ??= this.head === 0 ? this.items.slice() : [...this.items.slice(this.head), ...this.items.slice(0, this.head)];
    return this.snapshot;
  }

  /** The kept items pushed at or after position `index` (0 = the first item ever), oldest first. */
  since(index: number): T[] {
    const n = this.items.length;
    const skip = Math.max(0, index - this.forgotten);
    const out: T[] = [];
    for (let i = skip; i < n; i++) out.push(this.items[(this.head + i) % n]!);
    return out;
  }
}
