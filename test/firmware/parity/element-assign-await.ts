// Parity program (test/parity/): assignments to array elements and fields
// with awaits in the index and the value evaluate the target, the index,
// then the value, and `+=` reads the element before its await.
import { Timer, Duration, log, task } from "outpost";

const slots: StaticArray<i32> = [0, 0, 0, 0];

class Stats {
  total: i32 = 0;
}
const stats = new Stats();

async function index(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  log.infoInt("element-assign-await index", i);
  return i;
}

async function value(v: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  log.infoInt("element-assign-await value", v);
  return v;
}

export const writer = task(1, async (): Promise<void> => {
  slots[await index(1)] = await value(11);
  slots[await index(2)] += await value(5);
  stats.total += await value(7);
  for (let i = 0; i < 4; i++) log.infoInt("element-assign-await slot", slots[i]);
  log.infoInt("element-assign-await total", stats.total);
});

export const meddler = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(4));
  slots[2] = 100;
  await Timer.after(Duration.millis(2));
  stats.total = 50;
  log.infoInt("element-assign-await meddled", 1);
});

export function main(): void {
  writer.spawn();
  meddler.spawn();
}
