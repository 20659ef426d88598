// Parity program (test/parity/): a cooperative scheduler runs a table of
// entries (period, next due, async handler value) in one task, sleeping
// until the earliest due entry and awaiting each due handler in order.
import { Timer, Duration, Instant, log, task } from "outpost";

class Entry {
  due: i64 = 0;
  runs: i32 = 0;
  constructor(public name: string, public periodMs: i64, public handler: (n: i32) => Promise<i32>) {}
}

let acc = 0;

const blink = async (n: i32): Promise<i32> => {
  acc += 1;
  return n;
};
const sampleAdc = async (n: i32): Promise<i32> => {
  await Timer.after(Duration.millis(2));
  acc += 10;
  return n * 3;
};
const report = async (n: i32): Promise<i32> => {
  await Timer.after(Duration.millis(1));
  log.info(`scheduler-table report acc=${acc}`);
  return acc;
};

const entries: StaticArray<Entry> = [
  new Entry("blink", 5, blink),
  new Entry("adc", 7, sampleAdc),
  new Entry("report", 20, report),
];

export const sched = task(1, async (): Promise<void> => {
  const start: i64 = <i64>(Instant.now() - 0);
  for (let round = 0; round < 12; round++) {
    let next: i64 = entries[0].due;
    for (const e of entries) if (e.due < next) next = e.due;
    const now: i64 = <i64>(Instant.now() - 0) - start;
    if (next > now) await Timer.after(Duration.micros(next - now));
    for (const e of entries) {
      const t: i64 = <i64>(Instant.now() - 0) - start;
      if (e.due > t) continue;
      e.runs++;
      const r = await e.handler(e.runs);
      log.info(`scheduler-table ${e.name} run ${e.runs} -> ${r} at ${t}`);
      e.due += e.periodMs * 1000;
    }
  }
});

export function main(): void {
  sched.spawn();
}
