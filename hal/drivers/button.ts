/**
 * `Button`: a debounced push button as a `Stream<i32>` of `ButtonEvent`s
 * (PRESS, RELEASE, LONG_PRESS). Portable: it uses only the `Wait` and
 * `Delay` traits.
 *
 *   const button = new Button(new Input(BTN1, Pull.UP, "BTN1"), new TimerDelay());
 *   button.next()          // in a poll: the next event (status ITEM, value a ButtonEvent)
 *
 * Debouncing is a quiet period: after the level changes, the button waits
 * until the pin has seen no edge for `debounceMs` (from the last edge's
 * timestamp), then reads the level; an
 * event is emitted only if the settled level differs from the last stable
 * one. Contact bounce (any number of edges) therefore yields exactly one
 * PRESS and one RELEASE, each `debounceMs` after the last bounce edge, and a
 * spike that settles back yields nothing. LONG_PRESS comes once per press,
 * `longPressMs` after the press's first edge, if the button is still held;
 * its RELEASE follows as usual. The level a pin has at the first `next()`
 * is taken as the starting state without an event.
 *
 *   ┌──────────┐ level leaves stable ┌────────┐ quiet for debounceMs,
 *   │ STABLE   │ ───────────────────►│ SETTLE │ level ≠ stable ─► PRESS/RELEASE
 *   │ (wait for│◄────────────────────│ (edge: │
 *   │  change) │ quiet, level = stable│ restart)│
 *   └──────────┘ (a glitch: no event) └────────┘
 *      │ pressed and held longPressMs ─► LONG_PRESS (once), stay STABLE
 *
 * The button watches its pin only while a `next()` is pending: a stream is
 * pulled. A press that starts while nobody polls is seen at the next
 * `next()` by its level (waits on levels complete at once), so a held button
 * is never missed; a tap entirely between two `next()` calls is.
 * Cancel-safe: cancelling a `next()` cancels the pin wait and the delay and
 * loses no event: the stable state is unchanged, and a settle in progress
 * keeps its progress (the quiet period restarts only if the pin's level
 * changed while nobody listened), so a consumer that races `next()` against
 * short timeouts still gets every event, on time. Never allocates after
 * construction; the pin's wait and the delay are busy while a `next()` is
 * pending.
 */
import { cancelHeld, Future, Instant, ValueFuture, textOf } from "outpost";
import { Wait } from "outpost/hal/digital";
import { Delay } from "outpost/hal/delay";
import { Stream, StreamNext } from "outpost/hal/stream";

export namespace ButtonEvent {
  // @ts-ignore: decorator
  @inline export const PRESS: i32 = 1;
  // @ts-ignore: decorator
  @inline export const RELEASE: i32 = 2;
  // @ts-ignore: decorator
  @inline export const LONG_PRESS: i32 = 3;
}

// @ts-ignore: decorator
@inline const START: i32 = 0;
// @ts-ignore: decorator
@inline const STABLE: i32 = 1;
// @ts-ignore: decorator
@inline const SETTLE: i32 = 2;

/** The future `Button.next()` returns; the state machine lives in the Button. */
export class ButtonNext extends StreamNext<i32> {
  button!: Button;

  arm(): ButtonNext {
    this.begin();
    return this;
  }

  poll(): bool {
    const event = this.button.step();
    if (event == 0) return this.park();
    return this.item(event);
  }

  protected release(): void {
    this.button.drop();
  }
}

export class Button implements Stream<i32> {
  readonly activeLow: bool;
  readonly debounceMs: i32;
  readonly longPressMs: i32;
  /** The debounced state. */
  pressed: bool = false;
  /** When the last event's transition began (its first edge), µs; for LONG_PRESS, when it fired. */
  lastEventAt: i64 = 0;
  presses: u32 = 0;
  releases: u32 = 0;
  longPresses: u32 = 0;

  private pin: Wait;
  private delay: Delay;
  private op: ButtonNext = new ButtonNext();
  private state: i32 = START;
  private wait: ValueFuture<i64> | null = null;
  private timer: Future | null = null;
  private changeAt: i64 = 0;
  /** SETTLE: when the pin was last seen to change; quiet until quietFrom + debounce. */
  private quietFrom: i64 = 0;
  /** SETTLE: a next() was cancelled mid-settle; `levelAtDrop` is what the pin read then. */
  private resumed: bool = false;
  private levelAtDrop: bool = false;
  private pressAt: i64 = 0;
  private longDone: bool = false;

  /**
   * A button on `pin` (pressed = low when `activeLow`), timed by `delay`.
   * The pin's wait and the delay belong to the button from now on. Init only.
   */
  constructor(pin: Wait, delay: Delay, activeLow: bool = true, debounceMs: i32 = 20, longPressMs: i32 = 1000) {
    this.pin = pin;
    this.delay = delay;
    this.activeLow = activeLow;
    this.debounceMs = debounceMs;
    this.longPressMs = longPressMs;
    this.op.named("button", textOf("next()"));
    this.op.button = this;
  }

  next(): ButtonNext {
    return this.op.arm();
  }

  /** Advances the state machine; a ButtonEvent, or 0 when it must wait. */
  step(): i32 {
    while (true) {
      if (this.state == START) {
        this.pressed = this.activeLevel();
        this.state = STABLE;
      }
      if (this.state == STABLE) {
        let wait = this.wait;
        if (wait === null) {
          // Wait for the level that would change the state (at once if it already holds).
          if (this.pressed != this.activeLow) wait = this.pin.waitForLow();
          else wait = this.pin.waitForHigh();
          this.wait = wait;
        }
        if (wait.poll()) {
          this.wait = null;
          this.changeAt = wait.value;
          this.quietFrom = wait.value;
          this.cancelTimer();
          this.state = SETTLE;
          continue;
        }
        if (this.pressed && !this.longDone) {
          let timer = this.timer;
          if (timer === null) {
            timer = this.delay.delayUs(this.pressAt + <i64>this.longPressMs * 1000 - Instant.now());
            this.timer = timer;
          }
          if (timer.poll()) {
            this.timer = null;
            this.cancelWait();
            this.longDone = true;
            this.longPresses++;
            this.lastEventAt = Instant.now();
            return ButtonEvent.LONG_PRESS;
          }
        }
        return 0;
      }
      // SETTLE: every edge restarts the quiet period.
      if (this.resumed) {
        // Back after a cancelled next(): edges while nobody listened show only as a changed level.
        this.resumed = false;
        if (this.activeLevel() != this.levelAtDrop) this.quietFrom = Instant.now();
      }
      let wait = this.wait;
      if (wait === null) {
        wait = this.pin.waitForAnyEdge();
        this.wait = wait;
      }
      if (wait.poll()) {
        this.wait = null;
        this.quietFrom = wait.value;
        this.cancelTimer();
        continue;
      }
      let timer = this.timer;
      if (timer === null) {
        timer = this.delay.delayUs(this.quietFrom + <i64>this.debounceMs * 1000 - Instant.now());
        this.timer = timer;
      }
      if (!timer.poll()) return 0;
      this.timer = null;
      this.cancelWait();
      this.state = STABLE;
      const active = this.activeLevel();
      if (active == this.pressed) continue; // a glitch: settled back
      this.pressed = active;
      this.lastEventAt = this.changeAt;
      if (active) {
        this.pressAt = this.changeAt;
        this.longDone = false;
        this.presses++;
        return ButtonEvent.PRESS;
      }
      this.releases++;
      return ButtonEvent.RELEASE;
    }
  }

  /** Releases the pin wait and the delay (a cancelled next()). */
  drop(): void {
    this.cancelWait();
    this.cancelTimer();
    if (this.state == SETTLE) {
      this.resumed = true;
      this.levelAtDrop = this.activeLevel();
    }
  }

  private activeLevel(): bool {
    return this.pin.isHigh() != this.activeLow;
  }

  // Only futures that were polled are cancelled: each is polled right after it is armed.
  private cancelWait(): void {
    this.wait = cancelHeld(this.wait);
  }

  private cancelTimer(): void {
    this.timer = cancelHeld(this.timer);
  }
}
