// Parity program (test/parity/): arrays made at init indexed by awaited
// values: a[await idx()] read and written, a[i] = await f(),
// a[i++] += await g() (the index taken once, before the await), and a
// Uint8Array and a StaticArray<i64> filled across awaits.
import { Timer, Duration, log, task } from "outpost";

const a: i32[] = [10, 20, 30, 40];
const bytes = new Uint8Array(4);
const wides: StaticArray<i64> = [0, 0, 0];
let calls = 0;

async function idx(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  calls++;
  return n;
}

async function val(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  calls++;
  return n * 3;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("array-index-await read", a[await idx(2)]);
  a[await idx(1)] = 7;
  for (let i = 0; i < 2; i++) a[i + 2] = await val(i + 1);
  log.info(`array-index-await a ${a[0]} ${a[1]} ${a[2]} ${a[3]}`);
  let i = 0;
  a[i++] += await val(5);
  a[i++] += await val(1);
  log.info(`array-index-await inc ${i} ${a[0]} ${a[1]}`);
  a[await idx(3)] -= await val(2);
  log.infoInt("array-index-await a3", a[3]);
  for (let j = 0; j < bytes.length; j++) bytes[j] = <u8>(await val(j * 20));
  let sum = 0;
  for (let j = 0; j < bytes.length; j++) sum += <i32>bytes[j];
  log.info(`array-index-await bytes ${bytes[0]} ${bytes[1]} ${bytes[2]} ${bytes[3]} sum ${sum}`);
  for (let j = 0; j < wides.length; j++) wides[j] = <i64>(await val(j)) * 1_000_000_000;
  log.info(`array-index-await wides ${wides[0]} ${wides[1]} ${wides[2]} calls ${calls}`);
  bytes[await idx(0)] += <u8>(await val(1));
  log.infoInt("array-index-await b0", bytes[0]);
});

export function main(): void {
  user.spawn();
}
