/**
 * Time for the shim: `Timer`, `Yield`, `Duration` (µs numbers) and
 * `Instant`, with the semantics of src/runtime/timer.ts, yield.ts, time.ts.
 */
import { ShimFuture, currentTask, scheduleWake, wake, world } from "./core.ts";

export class Timer extends ShimFuture<void> {
  expires = 0;
  static after(d: number): Timer {
    return Timer.at(world.now + d);
  }
  static at(t: number): Timer {
    const timer = new Timer();
    timer.expires = t;
    return timer;
  }
  poll(): boolean {
    if (world.now >= this.expires) return true;
    scheduleWake(this.expires);
    return false;
  }
}

export class Yield extends ShimFuture<void> {
  private yielded = false;
  static now(): Yield {
    return new Yield();
  }
  poll(): boolean {
    if (this.yielded) return true;
    this.yielded = true;
    wake(currentTask());
    return false;
  }
}

export const Duration = {
  micros: (n: number) => n,
  millis: (n: number) => n * 1_000,
  seconds: (n: number) => n * 1_000_000,
};

export const Instant = {
  now: (): number => world.now,
};

