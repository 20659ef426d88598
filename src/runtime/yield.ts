/**
 * `Yield`: gives every other ready task a turn, then completes. The task
 * goes to the back of the run queue (see run_queue.ts on fairness).
 */
import { Future } from "./future";
import { wake } from "./executor";
import { currentTaskId } from "./current";

export class Yield extends Future {
  private yielded: bool = false;

  static now(): Yield { return new Yield(); }

  /** Re-arms this future for another yield. */
  now(): Yield {
    this.yielded = false;
    return this;
  }

  poll(): bool {
    if (this.yielded) return true;
    this.yielded = true;
    wake(currentTaskId());
    return false;
  }
}
