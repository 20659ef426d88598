/**
 * A virtual clock for the Node peers: plain async/await code sleeps with
 * `await clock.sleepUntil(t)`, and `run(until)` serves the sleepers in
 * (time, arrival) order from a binary heap, jumping time straight to each
 * deadline, as Outpost's simulator does. No setTimeout: the peers time
 * promises and async functions, not Node's timers.
 *
 * After waking a sleeper the clock awaits that sleeper's own promise, so
 * the woken function runs up to its next `await` before time moves on:
 * each deadline's work is finished at its instant (what an Outpost poll
 * does). That costs one extra microtask hop per timer, which belongs to
 * any promise-based scheduler.
 */

interface Sleeper {
  at: number;
  seq: number;
  promise: Promise<void>;
  resolve: () => void;
}

export class VirtualClock {
  /** Virtual µs. */
  now = 0;
  private readonly heap: Sleeper[] = [];
  private seq = 0;

  /** A promise that resolves when the clock reaches `at` (at once, in order, if it already has). */
  sleepUntil(at: number): Promise<void> {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.push({ at, seq: this.seq++, promise, resolve });
    return promise;
  }

  /** Sleeps `us` from now. */
  sleep(us: number): Promise<void> {
    return this.sleepUntil(this.now + us);
  }

  /** Serves every sleeper due up to `until`, earliest first; then the clock reads `until`. */
  async run(until: number): Promise<void> {
    const heap = this.heap;
    while (heap.length > 0 && heap[0]!.at <= until) {
      const next = this.pop();
      this.now = next.at;
      next.resolve();
      await next.promise; // queued behind the sleeper's own continuation
    }
    this.now = Math.max(this.now, until);
  }

  /** Sleepers still waiting. */
  get waiting(): number {
    return this.heap.length;
  }

  private before(a: Sleeper, b: Sleeper): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(s: Sleeper): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(s);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(s, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = s;
  }

  private pop(): Sleeper {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && this.before(heap[child + 1]!, heap[child]!)) child++;
        if (!this.before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
