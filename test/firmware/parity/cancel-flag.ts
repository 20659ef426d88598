// Parity program (test/parity/): cooperative cancellation: a job object's
// `cancelled` flag, set by another task, is checked after each await of a
// long-running copy loop, which stops early and reports partial progress.
import { Timer, Duration, log, task } from "outpost";

class CancelToken {
  cancelled: bool = false;
  reason: i32 = 0;
  cancel(reason: i32): void {
    this.cancelled = true;
    this.reason = reason;
  }
}

class CopyJob {
  copied: i32 = 0;
  constructor(public token: CancelToken) {}
  async chunk(i: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return i * 4;
  }
  async run(chunks: i32): Promise<bool> {
    for (let i = 0; i < chunks; i++) {
      const n = await this.chunk(i);
      if (this.token.cancelled) {
        log.info(`cancel-flag stop at ${i} reason=${this.token.reason}`);
        return false;
      }
      this.copied += n;
    }
    return true;
  }
}

const token = new CancelToken();
const job = new CopyJob(token);

export const worker = task(1, async (): Promise<void> => {
  const done = await job.run(4);
  log.info(`cancel-flag first done=${done} copied=${job.copied}`);
  const done2 = await job.run(100);
  log.info(`cancel-flag second done=${done2} copied=${job.copied}`);
  token.cancelled = false;
  const done3 = await job.run(2);
  log.info(`cancel-flag third done=${done3} copied=${job.copied}`);
});

export const canceller = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(15));
  token.cancel(7);
});

export function main(): void {
  worker.spawn();
  canceller.spawn();
}
