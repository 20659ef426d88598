// Parity program (test/parity/): an async method spawns worker tasks with
// `this` as their argument and waits on a Signal until the last worker
// reports, the workers updating the object's fields.
import { Timer, Duration, Signal, log, task } from "outpost";

class Supervisor {
  pending: i32 = 0;
  sum: i32 = 0;
  done: Signal<i32> = new Signal<i32>("done");

  async runBatch(n: i32): Promise<i32> {
    this.sum = 0;
    for (let i = 1; i <= n; i++) {
      this.pending++;
      worker.spawn(this, i);
    }
    log.infoInt("spawn-from-method spawned", n);
    return await this.done.wait();
  }

  report(v: i32): void {
    this.sum += v;
    this.pending--;
    if (this.pending == 0) this.done.signal(this.sum);
  }
}

const boss = new Supervisor();

export const worker = task(3, async (owner: Supervisor, id: i32): Promise<void> => {
  await Timer.after(Duration.millis(id * 2));
  log.infoInt("spawn-from-method worker", id);
  owner.report(id * 10);
});

export const user = task(1, async (): Promise<void> => {
  log.infoInt("spawn-from-method batch", await boss.runBatch(3));
  log.infoInt("spawn-from-method batch", await boss.runBatch(2));
});

export function main(): void {
  user.spawn();
}
