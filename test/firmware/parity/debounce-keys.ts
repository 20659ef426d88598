// Parity program (test/parity/): a keypad debouncer class waits on a
// Signal carrying the key code, restarts a quiet timer per bounce with
// select, and reports the last key of each burst through an async method.
import { Timer, Duration, Signal, select, log, task } from "outpost";

class Debouncer {
  private edges: Signal<i32> = new Signal<i32>("keys");
  reported: i32 = 0;
  bounces: i32 = 0;
  constructor(public quietMs: i32) {}
  press(key: i32): void {
    this.edges.signal(key);
  }
  async nextKey(): Promise<i32> {
    let key = await this.edges.wait();
    while (true) {
      const w = await select(this.edges.wait(), Timer.after(Duration.millis(this.quietMs)));
      if (w == 1) break;
      this.bounces++;
      key = this.edges.value;
    }
    this.reported++;
    return key;
  }
}

const pad = new Debouncer(4);

export const reader = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const k = await pad.nextKey();
    log.info(`debounce-keys key ${k} reported=${pad.reported} bounces=${pad.bounces}`);
  }
});

export const keypad = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  pad.press(5);
  await Timer.after(Duration.millis(1));
  pad.press(5);
  await Timer.after(Duration.millis(2));
  pad.press(6);
  await Timer.after(Duration.millis(10));
  pad.press(7);
  await Timer.after(Duration.millis(8));
  pad.press(8);
  await Timer.after(Duration.millis(3));
  pad.press(9);
});

export function main(): void {
  reader.spawn();
  keypad.spawn();
}
