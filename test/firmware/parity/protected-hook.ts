// Parity program (test/parity/): an abstract class implements an interface
// but leaves its async method abstract; subclasses implement it with
// protected async helpers of the base, and calls go through the interface.
import { Timer, Duration, log, task } from "outpost";

interface Task2 {
  execute(n: i32): Promise<i32>;
}

abstract class BaseTask implements Task2 {
  protected count: i32 = 0;
  protected async tick(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(ms));
    this.count++;
    return this.count;
  }
  abstract execute(n: i32): Promise<i32>;
}

class Blink extends BaseTask {
  async execute(n: i32): Promise<i32> {
    let last = 0;
    for (let i = 0; i < n; i++) last = await this.tick(1);
    return last;
  }
}

class Beep extends BaseTask {
  protected override async tick(ms: i32): Promise<i32> {
    return (await super.tick(ms * 2)) * 100;
  }
  async execute(n: i32): Promise<i32> {
    return await this.tick(n);
  }
}

const jobs: StaticArray<Task2> = [new Blink(), new Beep()];

export const user = task(1, async (): Promise<void> => {
  for (let round = 1; round <= 2; round++) {
    for (let i = 0; i < 2; i++) log.infoInt("protected-hook result", await jobs[i].execute(round));
  }
});

export function main(): void {
  user.spawn();
}
