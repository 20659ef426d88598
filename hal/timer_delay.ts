/**
 * `TimerDelay`: the `Delay` trait on the runtime's timer queue.
 *
 *   const delay = new TimerDelay();       // at init: one per task
 *   delay.delayMs(20)                     // in a poll: the delay's future, armed
 *
 * Cost: one `now_us` per arm and per poll; no host alarm of its own (the
 * executor keeps one alarm for all tasks). Cancel-safe: nothing to release.
 * One delay in flight per TimerDelay: arming it again while a delay is
 * pending panics BUSY (`delay already has a delay in flight: …`); the try
 * forms `tryDelayMs`/`tryDelayUs` return null instead.
 */
import { Duration, Timer, textOf } from "outpost";
import { Delay } from "outpost/hal/delay";
import { Op } from "outpost/hal/op";
import { panicBusyOf } from "outpost/hal/messages";

/** The future a TimerDelay hands out. */
export class DelayFuture extends Op<i32> {
  timer: Timer = new Timer();

  /** Arms to complete `us` from now. */
  afterUs(us: i64): DelayFuture {
    this.begin();
    this.timer.after(us);
    return this;
  }

  poll(): bool {
    if (this.timer.poll()) return this.finish(0);
    return this.park();
  }

  /** As Op's, naming the owner `delay "name"` from the bare name it keeps (a label built at init would pull in string concatenation). */
  assertIdle(): void {
    if (this.busy) panicBusyOf(textOf("delay"), this.owner, this.what);
  }
}

export class TimerDelay implements Delay {
  private future: DelayFuture = new DelayFuture();

  /** `name` appears in BUSY messages (`delay "blink" already has …`). Init only. */
  constructor(name: string = "") {
    this.future.named(name, textOf("delay"));
  }

  /** Completes `ms` after this call (at once if ≤ 0). BUSY if a delay is in flight (`tryDelayMs`: null). */
  delayMs(ms: i32): DelayFuture {
    return this.future.afterUs(Duration.millis(<i64>ms));
  }

  /** Completes `us` after this call (at once if ≤ 0). BUSY if a delay is in flight (`tryDelayUs`: null). */
  delayUs(us: i64): DelayFuture {
    return this.future.afterUs(us);
  }

  /** The try form of `delayMs`: null, changing nothing, while a delay is in flight (where `delayMs` panics BUSY). */
  tryDelayMs(ms: i32): DelayFuture | null {
    return this.future.busy ? null : this.delayMs(ms);
  }

  /** The try form of `delayUs`: null, changing nothing, while a delay is in flight (where `delayUs` panics BUSY). */
  tryDelayUs(us: i64): DelayFuture | null {
    return this.future.busy ? null : this.delayUs(us);
  }
}
