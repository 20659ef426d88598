// The tour of async code that docs/async.md quotes (test/lower/tour.test.ts
// checks that the page quotes this file and runs it).
import { Timer, Duration, Channel, select, join, withTimeout, log, task } from "outpost";

async function sample(ch: i32): Promise<i32> {         // async functions and methods
  await Timer.after(Duration.millis(2));
  return ch * 10;
}

async function mapSum(f: (x: i32) => Promise<i32>, n: i32): Promise<i32> {  // async functions as values
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await f(i);
  return sum;
}

async function first<T>(ch: Channel<T>): Promise<T> {   // generic async functions
  return await ch.receive();
}

function* evens(limit: i32): Generator<i32> {           // generators
  for (let i = 0; i < limit; i += 2) yield i;
}

async function* ticks(n: i32): AsyncGenerator<i32> {    // async generators are HAL Stream<T>s
  for (let i = 0; i < n; i++) { await Timer.after(Duration.millis(10)); yield i; }
}

export const app = task(1, async (): Promise<void> => {
  const base = 100;
  const add = async (x: i32): Promise<i32> => { await Timer.after(Duration.millis(1)); return x + base; };
  log.infoInt("sum", await mapSum(add, 3));                      // closures capture locals
  const s1 = sample(1), s2 = sample(2);                          // futures are lazy: nothing runs yet
  await join(s1, s2);                                            // each call has its own state
  log.info(`joined ${s1.value} ${s2.value}`);                    // template text, no allocation
  for (const e of evens(6)) log.infoInt("even", e);
  for await (const t of ticks(3)) log.infoInt("tick", t);
  try {
    const v = (await sample(3)) > 20 && (await sample(4)) > 0 ? await sample(5) : -1;
    log.infoInt("v", v);
  } catch (e) {
    log.info(`failed: ${(e as Error).message}`);
  } finally {
    log.info("done");
  }
});

export function main(): void {
  app.spawn();
}
