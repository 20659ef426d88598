// Parity program (test/parity/): a future kept in a local while other work
// runs, then awaited, inside an async method that reads the object's
// fields before and after.
import { Timer, Duration, log, task } from "outpost";

class Sampler {
  last: i32 = 0;

  async sample(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(ms));
    this.last = ms * 10;
    return this.last;
  }

  async twoStep(): Promise<i32> {
    const pending = this.sample(3);
    log.infoInt("field-future before", this.last);
    const v = await pending;
    log.infoInt("field-future after", this.last);
    return v + (await this.sample(1));
  }
}

const sampler = new Sampler();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("field-future total", await sampler.twoStep());
});

export function main(): void {
  user.spawn();
}
