// Parity program (test/parity/): an abstract base class's async template
// method awaits abstract hooks that each subclass implements, one of them
// calling a concrete helper of the base through `super`.
import { Timer, Duration, log, task } from "outpost";

abstract class Job {
  runs: i32 = 0;
  abstract prepare(): Promise<i32>;
  abstract finish(x: i32): Promise<i32>;
  async settle(x: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return x + 1;
  }
  async run(): Promise<i32> {
    this.runs++;
    const p = await this.prepare();
    await Timer.after(Duration.millis(1));
    return await this.finish(p) + this.runs * 1000;
  }
}

class Copy extends Job {
  async prepare(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return 10;
  }
  async finish(x: i32): Promise<i32> {
    return await this.settle(x * 2);
  }
}

class Check extends Job {
  async prepare(): Promise<i32> {
    return 7;
  }
  async finish(x: i32): Promise<i32> {
    const a = await super.settle(x);
    await Timer.after(Duration.millis(3));
    return a * 3;
  }
  override async settle(x: i32): Promise<i32> {
    return x;
  }
}

const jobs: StaticArray<Job> = [new Copy(), new Check(), new Copy()];

export const user = task(1, async (): Promise<void> => {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < jobs.length; i++) log.infoInt("abstract-template result", await jobs[i].run());
  }
});

export function main(): void {
  user.spawn();
}
