/**
 * The simulator's agenda: actions scheduled at virtual times.
 *
 * A binary min-heap ordered by (time, seq), where seq is the order in which
 * actions were scheduled. Two actions at the same µs therefore always run in
 * the order they were scheduled, which is what makes a simulation
 * deterministic: same inputs, same order, same histories.
 *
 * Only the simulator's loop pops; peripheral models and test stimuli push
 * (through `Bench.at`).
 */

export interface Scheduled<T> {
  at: number;
  seq: number;
  item: T;
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private seq = 0;

  /** When the earliest item is due, or Infinity when the queue is empty. */
  nextTime(): number {
    return this.heap.length > 0 ? this.heap[0]!.at : Infinity;
  }

  push(at: number, item: T): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** Removes and returns the earliest item if it is due at or before `time`. */
  popDue(time: number): T | undefined {
    const heap = this.heap;
    if (heap.length === 0 || heap[0]!.at > time) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top.item;
  }
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
