// Parity program (test/parity/): an event bus keeps subscribers in an array
// of async function values; publish awaits each in order, a subscriber
// that throws is counted and skipped, and one unsubscribes by index.
import { Timer, Duration, log, task } from "outpost";

let lightOn = false;
let saved = 0;

const onLight = async (ev: i32): Promise<void> => {
  await Timer.after(Duration.millis(1));
  lightOn = ev % 2 == 1;
};
const onSave = async (ev: i32): Promise<void> => {
  await Timer.after(Duration.millis(2));
  if (ev == 3) throw new Error("flash full");
  saved += ev;
};
const onLog = async (ev: i32): Promise<void> => {
  log.info(`event-bus log ${ev} light=${lightOn} saved=${saved}`);
};

class Bus {
  subs: StaticArray<(ev: i32) => Promise<void>> = [onLight, onSave, onLog];
  active: StaticArray<bool> = [true, true, true];
  errors: i32 = 0;
  async publish(ev: i32): Promise<i32> {
    let delivered = 0;
    for (let i = 0; i < this.subs.length; i++) {
      if (!this.active[i]) continue;
      try {
        await this.subs[i](ev);
        delivered++;
      } catch (e) {
        this.errors++;
        log.info(`event-bus sub ${i} failed: ${(e as Error).message}`);
      }
    }
    return delivered;
  }
  unsubscribe(i: i32): void {
    this.active[i] = false;
  }
}

const bus = new Bus();

export const user = task(1, async (): Promise<void> => {
  for (let ev = 1; ev <= 5; ev++) {
    if (ev == 4) bus.unsubscribe(1);
    const n = await bus.publish(ev);
    log.info(`event-bus event ${ev} delivered=${n} errors=${bus.errors}`);
  }
});

export function main(): void {
  user.spawn();
}
