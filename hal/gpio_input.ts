/**
 * `Input`: an ABI-backed input pin, implementing `InputPin` and `Wait`, and
 * the source of an `EdgeStream`.
 *
 *   const btn = new Input(BTN1, Pull.UP, "BTN1");   // at init: claims the pin
 *   btn.waitForFallingEdge()                        // in a poll: the pin's wait future
 *
 * Events: the Input listens to the runtime's GPIO_EDGE source for its whole
 * life (a list entry, free), but asks the host for edges (`gpio_listen`)
 * only while someone needs them: a pending wait (just the edges it waits
 * for) or an open edge stream (both). When neither does, the pin is
 * `gpio_listen(pin, 0)`: cancelling or finishing the last wait unregisters.
 *
 * The event handler only latches and wakes: a matching edge is stored with
 * its timestamp in the wait future (and appended to the edge stream), so no
 * edge that happens after a wait's call is lost, however short the pulse.
 *
 * One wait at a time per pin (BUSY panic naming the pin otherwise, or null
 * from the `tryWaitFor…` forms; use an EdgeStream, or one Input per pin, for
 * more).
 */
import { EventHandler, listen, ValueFuture, textOf } from "outpost";
import { EventSource, gpio_listen, gpio_read, now_us, Edge } from "outpost/abi";
import { Wait } from "outpost/hal/digital";
import { pinLabel } from "outpost/hal/messages";
import { claimPin, inputMode, Pull } from "outpost/hal/pins";
import { Op } from "outpost/hal/op";
import { EdgeStream } from "outpost/hal/edge_stream";

/** What a `PinWait` waits for. */
export namespace WaitMode {
  // @ts-ignore: decorator
  @inline export const HIGH: i32 = 0;
  // @ts-ignore: decorator
  @inline export const LOW: i32 = 1;
  // @ts-ignore: decorator
  @inline export const RISING: i32 = 2;
  // @ts-ignore: decorator
  @inline export const FALLING: i32 = 3;
  // @ts-ignore: decorator
  @inline export const ANY: i32 = 4;
}

/**
 * The wait future of one `Input`. `value`: time (µs) of the completing edge,
 * or of the poll when a level already held; `level`: the level then.
 *
 *   arm(mode) ──► ARMED ── poll: level holds (HIGH/LOW) ─────────────► done
 *                   │
 *                   └ poll: listen(edges of mode), park ──► PENDING
 *                        handler: edge at ≥ armedAt matching ──► latched, wake
 *                        poll: latched ─► unlisten ─► done
 *                        cancel() ─► unlisten ─► IDLE
 */
export class PinWait extends Op<i64> {
  input: Input = changetype<Input>(0); // set by its owner at init, before any poll
  mode: i32 = WaitMode.HIGH;
  /** The level after the completing edge (or the level that already held). */
  level: i32 = 0;
  /** Edges (ABI `Edge` mask) this wait has asked the host for; 0 when none. */
  mask: i32 = 0;
  private armedAt: i64 = 0;
  private latched: bool = false;
  private latchedAt: i64 = 0;
  private latchedLevel: i32 = 0;

  arm(mode: i32): PinWait {
    this.begin();
    this.mode = mode;
    this.armedAt = now_us();
    this.latched = false;
    return this;
  }

  poll(): bool {
    if (this.latched) return this.complete(this.latchedAt, this.latchedLevel);
    const mode = this.mode;
    if (mode == WaitMode.HIGH || mode == WaitMode.LOW) {
      const level = gpio_read(this.input.pin);
      if (level == (mode == WaitMode.HIGH ? 1 : 0)) return this.complete(now_us(), level);
    }
    if (this.mask == 0) {
      this.mask = mode == WaitMode.HIGH || mode == WaitMode.RISING ? Edge.RISING
        : mode == WaitMode.LOW || mode == WaitMode.FALLING ? Edge.FALLING
        : Edge.BOTH;
      this.input.updateListen();
    }
    return this.park();
  }

  /** From the Input's event handler: latch the first matching edge after the call. */
  onEdge(level: i32, at: i64): void {
    if (!this.pending || this.latched || at < this.armedAt) return;
    if ((this.mask & (level != 0 ? Edge.RISING : Edge.FALLING)) == 0) return;
    this.latched = true;
    this.latchedAt = at;
    this.latchedLevel = level;
    this.wakeWaiter();
  }

  private complete(at: i64, level: i32): bool {
    this.level = level;
    this.latched = false;
    if (this.mask != 0) {
      this.mask = 0;
      this.input.updateListen();
    }
    return this.finish(at);
  }

  protected release(): void {
    this.latched = false;
    this.mask = 0;
    this.input.updateListen();
  }
}

export class Input extends EventHandler implements Wait {
  readonly pin: i32;
  /** `pin 2 (BTN1)`: how messages name this pin. */
  readonly label: string;
  private waitOp: PinWait = new PinWait();
  private stream: EdgeStream | null = null;
  /** The mask last given to `gpio_listen`. */
  private edgeMask: i32 = 0;

  /** Claims `pin` as an input with `pull` (Pull.NONE/UP/DOWN). Init only. */
  constructor(pin: i32, pull: i32 = Pull.NONE, name: string = "") {
    super();
    this.pin = pin;
    this.label = pinLabel(pin, name);
    claimPin(pin, inputMode(pull), name);
    this.waitOp.named(this.label, textOf("wait"));
    this.waitOp.input = this;
    listen(EventSource.GPIO_EDGE, this);
  }

  isHigh(): bool {
    return gpio_read(this.pin) != 0;
  }

  isLow(): bool {
    return gpio_read(this.pin) == 0;
  }

  waitForHigh(): PinWait { return this.waitOp.arm(WaitMode.HIGH); }
  waitForLow(): PinWait { return this.waitOp.arm(WaitMode.LOW); }
  waitForRisingEdge(): PinWait { return this.waitOp.arm(WaitMode.RISING); }
  waitForFallingEdge(): PinWait { return this.waitOp.arm(WaitMode.FALLING); }
  waitForAnyEdge(): PinWait { return this.waitOp.arm(WaitMode.ANY); }

  /** The try form of `waitForHigh`: null, changing nothing, while a wait is in flight (where it panics BUSY). */
  tryWaitForHigh(): PinWait | null { return this.tryWait(WaitMode.HIGH); }
  /** The try form of `waitForLow`: null, changing nothing, while a wait is in flight. */
  tryWaitForLow(): PinWait | null { return this.tryWait(WaitMode.LOW); }
  /** The try form of `waitForRisingEdge`: null, changing nothing, while a wait is in flight. */
  tryWaitForRisingEdge(): PinWait | null { return this.tryWait(WaitMode.RISING); }
  /** The try form of `waitForFallingEdge`: null, changing nothing, while a wait is in flight. */
  tryWaitForFallingEdge(): PinWait | null { return this.tryWait(WaitMode.FALLING); }
  /** The try form of `waitForAnyEdge`: null, changing nothing, while a wait is in flight. */
  tryWaitForAnyEdge(): PinWait | null { return this.tryWait(WaitMode.ANY); }

  /** Arms the wait for `mode` unless one is in flight (no BUSY panic, no allocation). */
  private tryWait(mode: i32): PinWait | null {
    return this.waitOp.busy ? null : this.waitOp.arm(mode);
  }

  /**
   * The pin's edge stream, recording from this call on, with room for
   * `capacity` unread edges. The first call creates it (init only: it
   * allocates); later calls return the same stream (and reopen it if closed).
   */
  edges(capacity: i32 = 16): EdgeStream {
    let stream = this.stream;
    if (stream === null) {
      stream = new EdgeStream(this.label, capacity);
      stream.input = this;
      this.stream = stream;
    }
    stream.open();
    return stream;
  }

  /** Asks the host for exactly the edges the wait and the stream need. */
  updateListen(): void {
    let mask = this.waitOp.mask;
    const stream = this.stream;
    if (stream !== null && stream.recording) mask |= Edge.BOTH;
    if (mask == this.edgeMask) return;
    this.edgeMask = mask;
    gpio_listen(this.pin, mask);
  }

  onEvent(source: i32, arg: i32, at: i64): void {
    if ((arg & 0xffff) != this.pin) return;
    const level = (arg >>> 16) & 1;
    this.waitOp.onEdge(level, at);
    const stream = this.stream;
    if (stream !== null) stream.onEdge(level, at);
  }
}
