// Parity program (test/parity/): a throttle passes at most one event per
// window, measured with Instant.now(), and a trailing flush reports the
// count of dropped events when the window ends.
import { Timer, Duration, Instant, Signal, select, log, task } from "outpost";

const events = new Signal<i32>("events");

class Throttle {
  last: i64 = -1000000;
  dropped: i32 = 0;
  passed: i32 = 0;
  constructor(public windowUs: i64) {}
  accept(now: i64): bool {
    if (now - this.last >= this.windowUs) {
      this.last = now;
      this.passed++;
      return true;
    }
    this.dropped++;
    return false;
  }
}

const th = new Throttle(5000);

export const consumer = task(1, async (): Promise<void> => {
  let running = true;
  while (running) {
    const which = await select(events.wait(), Timer.after(Duration.millis(30)));
    if (which == 1) {
      running = false;
      continue;
    }
    const v = events.value;
    const now: i64 = <i64>(Instant.now() - 0);
    if (th.accept(now)) log.info(`throttle pass ${v} at ${now}`);
  }
  log.info(`throttle done passed=${th.passed} dropped=${th.dropped}`);
});

export const producer = task(1, async (): Promise<void> => {
  for (let i = 0; i < 12; i++) {
    await Timer.after(Duration.millis(1 + (i % 3)));
    events.signal(i);
  }
});

export function main(): void {
  consumer.spawn();
  producer.spawn();
}
