// Parity program (test/parity/): async function expressions stored in
// module-level consts (`const f = async function (…) { … }`) and async
// arrows with expression bodies are awaited like named functions.
import { Timer, Duration, log, task } from "outpost";

const twice = async function (x: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return x * 2;
};

const inc = async (x: i32): Promise<i32> => (await twice(x)) + 1;

const report = async (x: i32): Promise<void> => {
  await Timer.after(Duration.millis(1));
  log.infoInt("async-fn-expr report", x);
};

export const user = task(1, async (): Promise<void> => {
  log.infoInt("async-fn-expr twice", await twice(5));
  log.infoInt("async-fn-expr inc", await inc(5));
  await report(await inc(await twice(1)));
});

export function main(): void {
  user.spawn();
}
