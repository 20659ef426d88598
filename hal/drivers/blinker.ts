/**
 * `Blinker`: plays on/off patterns on an output (an LED). Portable: it uses
 * only the `OutputPin` and `Delay` traits.
 *
 *   const SOS = StaticArray.fromArray<i32>([100, 100, 100, 100, 100, 300, …]);  // at init
 *   const blinker = new Blinker(new Output(LED1, "LED1"), new TimerDelay());
 *   blinker.play(SOS, 3)        // in a poll: completes after 3 rounds
 *   blinker.play(SOS, 0)        // repeats until cancelled
 *
 * A pattern is durations in ms, alternately on and off, starting with on:
 * `[on, off, on, off, …]` (an odd length ends a round on "on"; the next
 * round starts with "on" again). Each round plays the whole array; after
 * `repeats` rounds (0: forever) the output is turned off and the future
 * completes with the number of rounds played. A zero duration is skipped;
 * a pattern without a positive one is an ABORT panic.
 *
 *   play() ─► step i: output = (i even ? on : off), delay pattern[i] ─► i+1
 *               └ i == length: round++ ─► rounds done? ─► off, complete
 *
 * Cancel-safe: cancelling stops the pattern and turns the output off.
 * Timing is exact on the virtual clock (each step starts when the previous
 * delay completes). One `play` at a time (BUSY panic otherwise); the delay
 * is the blinker's while a play is pending. Never allocates.
 */
import { cancelHeld, Future, textOf } from "outpost";
import { OutputPin } from "outpost/hal/digital";
import { Delay } from "outpost/hal/delay";
import { Op } from "outpost/hal/op";
import { panicBadArgument } from "outpost/errors";

export class BlinkPlay extends Op<i32> {
  blinker!: Blinker;
  pattern: StaticArray<i32> = changetype<StaticArray<i32>>(0); // set by arm before any poll
  repeats: i32 = 0;
  private index: i32 = 0;
  private rounds: i32 = 0;
  private timer: Future | null = null;

  arm(pattern: StaticArray<i32>, repeats: i32): BlinkPlay {
    // Zero durations are skipped: without a positive one, play(…, 0) would spin in one poll for ever.
    if (!hasDuration(pattern)) panicBadArgument(textOf("Blinker"), textOf("a pattern needs at least one duration above 0 ms"), 0);
    this.begin();
    this.pattern = pattern;
    this.repeats = repeats;
    this.index = 0;
    this.rounds = 0;
    this.timer = null;
    return this;
  }

  poll(): bool {
    const blinker = this.blinker;
    while (true) {
      let timer = this.timer;
      if (timer === null) {
        if (this.index == this.pattern.length) {
          this.index = 0;
          this.rounds++;
          if (this.repeats > 0 && this.rounds >= this.repeats) {
            blinker.light(false);
            return this.finish(this.rounds);
          }
        }
        const ms = unchecked(this.pattern[this.index]); // index < length, checked above
        if (ms <= 0) {
          this.index++;
          continue;
        }
        blinker.light((this.index & 1) == 0);
        timer = blinker.delay.delayMs(ms);
        this.timer = timer;
      }
      if (!timer.poll()) return this.park();
      this.timer = null;
      this.index++;
    }
  }

  protected release(): void {
    this.timer = cancelHeld(this.timer);
    this.blinker.light(false);
  }
}

export class Blinker {
  readonly pin: OutputPin;
  readonly delay: Delay;
  /** True when "on" is the low level (an LED wired to the supply). */
  readonly activeLow: bool;
  private op: BlinkPlay = new BlinkPlay();

  /** A blinker on `pin`, timed by `delay` (the blinker's from now on). Init only. */
  constructor(pin: OutputPin, delay: Delay, activeLow: bool = false) {
    this.pin = pin;
    this.delay = delay;
    this.activeLow = activeLow;
    this.op.named("blinker", textOf("play"));
    this.op.blinker = this;
  }

  /** Plays `pattern` `repeats` times (0: until cancelled); see the file comment. */
  play(pattern: StaticArray<i32>, repeats: i32 = 0): BlinkPlay {
    return this.op.arm(pattern, repeats);
  }

  /** Turns the output on or off, honouring `activeLow`. */
  light(on: bool): void {
    if (on != this.activeLow) this.pin.setHigh();
    else this.pin.setLow();
  }
}

/** True when some duration of `pattern` is > 0 (usually the first). */
function hasDuration(pattern: StaticArray<i32>): bool {
  for (let i = 0; i < pattern.length; i++) {
    if (unchecked(pattern[i]) > 0) return true; // i < length
  }
  return false;
}
