// Parity program (test/parity/): a worker loop that selects between its
// next step and a stop Signal each turn stops at the turn the signal
// arrives, its current step cancelled (its finally runs).
import { Timer, Duration, Signal, select, log, task } from "outpost";

const stop = new Signal<i32>("stop");

class Worker {
  steps: i32 = 0;

  async step(): Promise<void> {
    try {
      await Timer.after(Duration.millis(3));
      this.steps++;
    } finally {
      log.infoInt("stoppable-loop step finally", this.steps);
    }
  }

  async run(): Promise<i32> {
    while (true) {
      const w = await select(this.step(), stop.wait());
      if (w == 1) return this.steps;
    }
  }
}

const worker = new Worker();

export const runner = task(1, async (): Promise<void> => {
  log.infoInt("stoppable-loop stopped after", await worker.run());
});

export const stopper = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(10));
  stop.signal(1);
});

export function main(): void {
  runner.spawn();
  stopper.spawn();
}
