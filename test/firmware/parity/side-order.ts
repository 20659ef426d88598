// Parity program (test/parity/): sync calls with side effects left of an
// await in call arguments, a template, a binary expression, an element
// index and a condition run before the awaited call starts, once each.
import { Timer, Duration, log, task } from "outpost";

let counter: i32 = 0;
const slots: StaticArray<i32> = [0, 0, 0, 0, 0, 0, 0, 0];

function next(): i32 {
  counter++;
  log.infoInt("side-order next", counter);
  return counter;
}

function sum3(a: i32, b: i32, c: i32): i32 {
  return a * 10000 + b * 100 + c;
}

async function f(n: i32): Promise<i32> {
  log.infoInt("side-order f starts, counter", counter);
  await Timer.after(Duration.millis(1));
  counter += 10;
  return n;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("side-order args", sum3(next(), await f(1), next()));
  log.info(`side-order text ${next()} ${await f(2)} ${next()}`);
  const b = next() * 100 + (await f(3)) + next();
  log.infoInt("side-order binary", b);
  slots[next() & 7] = await f(4);
  slots[next() & 7] += await f(5);
  log.info(`side-order slots ${slots[0]} ${slots[1]} ${slots[2]} ${slots[3]} ${slots[4]} ${slots[5]} ${slots[6]} ${slots[7]}`);
  if (next() > 60 && (await f(6)) > 0) log.info("side-order cond yes");
  log.infoInt("side-order end", counter);
});

export function main(): void {
  user.spawn();
}
