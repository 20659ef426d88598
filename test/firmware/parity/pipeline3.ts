// Parity program (test/parity/): a three-stage pipeline (sample, filter,
// report) over two channels, with an end-of-stream sentinel and a stage
// that drops values, each stage a method of a Stage subclass.
import { Timer, Duration, Channel, log, task } from "outpost";

const raw = new Channel<i32>(2, 4, "raw");
const filtered = new Channel<i32>(1, 4, "filtered");
const END: i32 = -1;

abstract class Stage {
  handled: i32 = 0;
  abstract step(v: i32): Promise<bool>;
  async runFrom(src: Channel<i32>): Promise<i32> {
    while (true) {
      const v = await src.receive();
      if (v == END) {
        await this.finish();
        return this.handled;
      }
      if (await this.step(v)) this.handled++;
    }
  }
  async finish(): Promise<void> {}
}

class Filter extends Stage {
  async step(v: i32): Promise<bool> {
    await Timer.after(Duration.millis(1));
    if (v % 3 == 0) return false;
    await filtered.send(v * 10);
    return true;
  }
  override async finish(): Promise<void> {
    await filtered.send(END);
  }
}

class Reporter extends Stage {
  total: i64 = 0;
  async step(v: i32): Promise<bool> {
    await Timer.after(Duration.millis(3));
    this.total += v;
    log.info(`pipeline3 report ${v} total=${this.total}`);
    return true;
  }
}

const filter = new Filter();
const reporter = new Reporter();

export const sampler = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 7; i++) {
    await Timer.after(Duration.millis(1));
    await raw.send(i);
  }
  await raw.send(END);
  log.info("pipeline3 sampler done");
});

export const filterTask = task(1, async (): Promise<void> => {
  log.infoInt("pipeline3 filter handled", await filter.runFrom(raw));
});

export const reportTask = task(1, async (): Promise<void> => {
  const n = await reporter.runFrom(filtered);
  log.info(`pipeline3 reporter handled ${n} total ${reporter.total}`);
});

export function main(): void {
  sampler.spawn();
  filterTask.spawn();
  reportTask.spawn();
}
