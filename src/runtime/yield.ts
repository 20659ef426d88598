/**
 * `Yield`: gives every other ready task a turn, then completes. The task
 * goes to the back of the run queue (see run_queue.ts on fairness).
 */
import { Future } from "./future";
import { wakeTask } from "./executor";
import { runningTask } from "./current";

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
    const task = runningTask();
    if (task !== null) wakeTask(task); // polled outside a task: nobody to wake
    return false;
  }
}
