// Parity program (test/parity/): Signals of bool, i64 and a class type are
// signalled several times before being awaited (the waiter gets the last
// value), checked with signaled() and tryTake(), and reset.
import { Timer, Duration, Signal, log, task } from "outpost";

class Frame {
  constructor(public seq: i32) {}
}

const f1 = new Frame(1);
const f2 = new Frame(2);
const ready = new Signal<bool>("ready");
const stamp = new Signal<i64>("stamp");
const frames = new Signal<Frame>("frames");

export const writer = task(1, async (): Promise<void> => {
  ready.signal(false);
  ready.signal(true);
  stamp.signal(1);
  stamp.signal(8_000_000_000);
  frames.signal(f1);
  frames.signal(f2);
  await Timer.after(Duration.millis(5));
  stamp.signal(9);
  stamp.reset();
  frames.signal(f1);
  await Timer.after(Duration.millis(5));
  stamp.signal(-4);
});

export const reader = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  log.infoInt("signal-types ready", (await ready.wait()) ? 1 : 0);
  log.infoInt("signal-types pending", stamp.signaled() ? 1 : 0);
  log.infoInt("signal-types stamp", await stamp.wait());
  log.infoInt("signal-types frame", (await frames.wait()).seq);
  log.infoInt("signal-types pending", frames.signaled() ? 1 : 0);
  await Timer.after(Duration.millis(5));
  log.infoInt("signal-types stamp pending", stamp.signaled() ? 1 : 0);
  log.infoInt("signal-types take", frames.tryTake() ? frames.value.seq : 0);
  log.infoInt("signal-types take again", frames.tryTake() ? 1 : 0);
  log.infoInt("signal-types stamp", await stamp.wait());
});

export function main(): void {
  writer.spawn();
  reader.spawn();
}
