// Parity program (test/parity/): an async arrow kept in a module-level
// const, capturing nothing, is called from two tasks one after the other
// and from a function it is passed to.
import { Timer, Duration, log, task } from "outpost";

let served = 0;

const serve = async (who: i32, ms: i32): Promise<i32> => {
  await Timer.after(Duration.millis(ms));
  served++;
  return who * 100 + served;
};

async function twice(f: (who: i32, ms: i32) => Promise<i32>, who: i32): Promise<i32> {
  return (await f(who, 1)) + (await f(who, 2));
}

export const first = task(1, async (): Promise<void> => {
  log.infoInt("module-arrow first", await serve(1, 3));
  await Timer.after(Duration.millis(10));
  log.infoInt("module-arrow twice", await twice(serve, 3));
});

export const second = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(5));
  log.infoInt("module-arrow second", await serve(2, 3));
});

export function main(): void {
  first.spawn();
  second.spawn();
}
