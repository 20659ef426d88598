/**
 * Espruino's event loop, in virtual time: timers (setTimeout/setInterval)
 * and queued callbacks (watches, serial data), run one round per call of
 * `round` by the Espruino host (runtime.ts), which the simulator calls in
 * place of `outpost_poll`.
 *
 * A round runs, in order: the callbacks queued before it started, then the
 * timers due at or before now that existed when it started, earliest first
 * (ties in the order they were set). What a round schedules for "now"
 * waits for the next round, so a script that keeps rescheduling itself at
 * once shows up to the simulator as a firmware that never lets time move
 * (its stall detection), not as a hang.
 *
 * Espruino's own rules kept here: `clearTimeout()` without an id clears
 * every timer; an unknown id throws ("Unknown Timeout").
 */

interface Timer {
  id: number;
  at: number;
  seq: number;
  callback: () => void;
  /** µs between runs for setInterval; 0 for setTimeout. */
  interval: number;
}

export class EventLoop {
  private readonly now: () => number;
  private readonly run: (callback: () => void) => void;
  private timers = new Map<number, Timer>();
  private queued: (() => void)[] = [];
  private nextId = 1;
  private seq = 0;

  constructor(
    now: () => number,
    /** Runs a callback; the host catches what it throws. */
    run: (callback: () => void) => void,
  ) {
    this.now = now;
    this.run = run;
  }

  /** A timer (setTimeout, or setInterval when `repeat`); `args` are passed to the callback, as Espruino does. */
  setTimer(callback: (...args: unknown[]) => void, ms: number, repeat: boolean, args: unknown[] = []): number {
    const delay = Math.max(0, Math.round((Number(ms) || 0) * 1000));
    const id = this.nextId++;
    const run = args.length > 0 ? () => callback(...args) : (callback as () => void);
    this.timers.set(id, { id, at: this.now() + delay, seq: this.seq++, callback: run, interval: repeat ? Math.max(1, delay) : 0 });
    return id;
  }

  clearTimer(id: number | undefined): void {
    if (id === undefined) {
      this.timers.clear();
      return;
    }
    if (!this.timers.delete(id)) throw new Error("Unknown Timeout");
  }

  /** Queues a callback for the next round (an event: a watch firing, serial data). */
  queue(callback: () => void): void {
    this.queued.push(callback);
  }

  /** One round; returns when the loop next has work (µs), or -1 when nothing is scheduled. */
  round(): number {
    const queued = this.queued;
    this.queued = [];
    for (const callback of queued) this.run(callback);
    const now = this.now();
    const due = [...this.timers.values()].filter((t) => t.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const t of due) {
      if (this.timers.get(t.id) !== t) continue; // cleared by an earlier callback
      if (t.interval > 0) this.timers.set(t.id, { ...t, at: t.at + t.interval, seq: this.seq++ });
      else this.timers.delete(t.id);
      this.run(t.callback);
    }
    return this.next();
  }

  next(): number {
    if (this.queued.length > 0) return this.now();
    let next = Infinity;
    for (const t of this.timers.values()) next = Math.min(next, t.at);
    return next === Infinity ? -1 : next;
  }

  /** Forgets everything: after a panic nothing runs again. */
  stop(): void {
    this.timers.clear();
    this.queued = [];
  }
}
