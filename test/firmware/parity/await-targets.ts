// Parity program (test/parity/): assignment targets whose object or index
// is itself awaited: `(await pick()).count += await f()`,
// `(await table())[await slot()] = await f()`, and a method called on an
// awaited object with awaited arguments.
import { Timer, Duration, log, task } from "outpost";

class Counter {
  count: i32 = 0;
  constructor(public id: i32) {}
  add(a: i32, b: i32): i32 {
    this.count += a * b;
    return this.count;
  }
}

const counters: StaticArray<Counter> = [new Counter(1), new Counter(2), new Counter(3)];
const rows: StaticArray<i32> = [0, 0, 0, 0];
const cols: StaticArray<i32> = [9, 9, 9, 9];
let turn: i32 = 0;

async function pick(): Promise<Counter> {
  await Timer.after(Duration.millis(1));
  return counters[turn++ % 3];
}

async function table(which: i32): Promise<StaticArray<i32>> {
  await Timer.after(Duration.millis(1));
  return which == 0 ? rows : cols;
}

async function num(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  turn += 10;
  return n;
}

export const user = task(1, async (): Promise<void> => {
  (await pick()).count += await num(5);
  (await pick()).count = (await num(7)) * 2;
  (await pick()).count -= (await num(4)) + turn;
  log.info(`await-targets counts ${counters[0].count} ${counters[1].count} ${counters[2].count} turn=${turn}`);
  (await table(0))[await num(2)] = await num(42);
  (await table(1))[await num(1)] += await num(100);
  const t0 = await table(0);
  const k = await num(3);
  t0[k]++;
  log.info(`await-targets rows ${rows[0]} ${rows[1]} ${rows[2]} ${rows[3]} cols ${cols[0]} ${cols[1]} ${cols[2]}`);
  turn = 1;
  const r = (await pick()).add(await num(3), await num(4));
  log.info(`await-targets add ${r} ${counters[1].count} turn=${turn}`);
  const c = await pick();
  c.count = c.add(c.id, await num(6)) + c.count;
  log.info(`await-targets self ${c.id} ${c.count}`);
});

export function main(): void {
  user.spawn();
}
