// Parity program (test/parity/): operands left of an await are read before
// it, as JavaScript reads them, even when the awaited call changes them: a
// module counter, a field through a variable the call reassigns, a static,
// an array element whose index the call moves.
import { Timer, Duration, log, task } from "outpost";

class Box {
  constructor(public v: i32) {}
}

class Stat {
  static hits: i32 = 0;
}

let level: i32 = 10;
const a = new Box(1);
const b = new Box(100);
let cur: Box = a;
const arr: StaticArray<i32> = [5, 6, 7, 8];
let idx: i32 = 0;

async function bump(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  level += 1000;
  cur = cur === a ? b : a;
  Stat.hits += 50;
  idx++;
  return n;
}

export const user = task(1, async (): Promise<void> => {
  level += await bump(1);
  log.infoInt("eval-order module", level);
  cur.v += await bump(2);
  log.info(`eval-order field a=${a.v} b=${b.v}`);
  Stat.hits += await bump(3);
  log.infoInt("eval-order static", Stat.hits);
  arr[idx] += await bump(4);
  log.info(`eval-order elem ${arr[0]} ${arr[1]} ${arr[2]} ${arr[3]} idx=${idx}`);
  const sum = level + (await bump(5));
  log.infoInt("eval-order binary", sum);
  log.info(`eval-order template ${level} ${await bump(6)} ${level}`);
  const less = Stat.hits < (await bump(7)) + Stat.hits;
  log.infoInt("eval-order compare", less ? 1 : 0);
  idx = 1;
  const picked = arr[idx] * 100 + arr[await bump(0)];
  log.infoInt("eval-order index", picked);
  cur.v = cur.v + (await bump(8));
  log.info(`eval-order field2 a=${a.v} b=${b.v}`);
});

export function main(): void {
  user.spawn();
}
