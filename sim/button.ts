/**
 * A push button wired to a pin, with contact bounce.
 *
 * Pressed, the button drives its pin to the active level (low for an
 * active-low button); released, it lets go and the pin's pull decides, so a
 * firmware that forgets INPUT_PULLUP on an active-low button reads what real
 * hardware would: a floating 0.
 *
 * Bounce: after each press or release the contacts chatter for up to
 * `bounceMs` (from the board, changeable per button): 1 to 3 extra
 * open/close pairs at pseudo-random µs offsets, so the level always settles
 * on the right value. The offsets come from a PRNG seeded by the simulator's
 * seed and the button's name: the same seed gives the same edges, and one
 * button's presses never shift another's bounce. A later press or release
 * cuts short the chatter of an earlier one.
 *
 *   press at t0                         release at t1
 *   ──┐ ┌┐ ┌──────────────── ... ──────┐  ┌─┐ ┌───────  (active low)
 *     └─┘└─┘                           └──┘ └─┘
 *     |<- bounce ->|                   |<- bounce ->|
 */
import type { ButtonSpec } from "../src/contract/boards.ts";
import { toMicros } from "../src/contract/duration.ts";
import { type Bench, type TimeSpec, stimulusTime } from "./bench.ts";
import type { Level, Pin } from "./gpio.ts";
import { mulberry32 } from "./prng.ts";

export class Button {
  private readonly bench: Bench;
  private readonly pin: Pin;
  private readonly spec: ButtonSpec;
  /** How long the contacts chatter after each press or release; 0 for an ideal button. */
  bounceMs: number;
  private readonly random: () => number;
  /** Times of every press and release, to tell when a bounce edge is stale. */
  private readonly transitions: number[] = [];

  constructor(
    bench: Bench,
    pin: Pin,
    spec: ButtonSpec,
    seed: number,
    name: string,
  ) {
    this.bench = bench;
    this.pin = pin;
    this.spec = spec;
    this.bounceMs = spec.bounceMs;
    this.random = prng(seed, name);
  }

  press(at?: TimeSpec): void {
    this.transition(this.spec.activeLow ? 0 : 1, at);
  }

  release(at?: TimeSpec): void {
    this.transition(null, at);
  }

  /** Press at `at`, release `hold` later. */
  tap(at: TimeSpec, hold: TimeSpec): void {
    const t = stimulusTime(this.bench, at);
    this.press(t);
    this.release(t + toMicros(hold));
  }

  private transition(final: Level | null, at: TimeSpec | undefined): void {
    const t0 = stimulusTime(this.bench, at);
    this.transitions.push(t0);
    this.pin.drive(final, t0);
    const other: Level | null = final === null ? (this.spec.activeLow ? 0 : 1) : null;
    this.bounceOffsets().forEach((offset, i) => {
      const t = t0 + offset;
      const level = i % 2 === 0 ? other : final;
      this.bench.at(t, () => {
        if (this.transitions.some((x) => x > t0 && x <= t)) return;
        this.pin.drive(level);
      });
    });
  }

  /** An even number of distinct, sorted µs offsets in [1, bounce]. */
  private bounceOffsets(): number[] {
    const window = Math.round(this.bounceMs * 1000);
    const pairs = Math.min(1 + Math.floor(this.random() * 3), Math.floor(window / 2));
    const offsets = new Set<number>();
    while (offsets.size < pairs * 2) offsets.add(1 + Math.floor(this.random() * window));
    return [...offsets].sort((a, b) => a - b);
  }
}

/** mulberry32, seeded from the simulator's seed and a name (FNV-1a). Returns [0, 1). */
function prng(seed: number, name: string): () => number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return mulberry32(h);
}
