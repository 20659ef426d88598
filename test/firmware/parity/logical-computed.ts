// Parity program (test/parity/): a logical assignment to a computed place
// (`slots[next()] ||= v`, `pick().count ??= v`) evaluates the place once,
// as TypeScript does, with or without an await on the right.
import { Timer, Duration, log, task } from "outpost";

class Counter {
  count: i32 = 0;
  limit: Counter | null = null;
}
const counters: StaticArray<Counter> = [new Counter(), new Counter()];
const spare = new Counter();
const slots: StaticArray<i32> = [0, 3, 0, 0];
let calls = 0;

function next(): i32 {
  calls++;
  log.infoInt("logical-computed index", calls);
  return calls % 4;
}

function pick(i: i32): Counter {
  log.infoInt("logical-computed pick", i);
  return counters[i];
}

async function slow(v: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  log.infoInt("logical-computed slow", v);
  return v;
}

export const user = task(1, async (): Promise<void> => {
  for (let round = 0; round < 2; round++) {
    slots[next()] ||= 5 + round;
    pick(round).count ||= 10 + round;
    pick(0).count &&= pick(1).count + 1;
    pick(1).limit ??= spare;
    await Timer.after(Duration.millis(1));
    slots[next()] ||= await slow(20 + round);
    pick(round).count &&= await slow(30 + round);
  }
  log.infoInt("logical-computed calls", calls);
  for (let i = 0; i < 4; i++) log.infoInt("logical-computed slot", slots[i]);
  log.infoInt("logical-computed counts", counters[0].count * 100 + counters[1].count);
  log.infoInt("logical-computed limit", counters[1].limit === spare ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
