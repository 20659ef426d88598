// Parity program (test/parity/): an async function or const async arrow kept in a local without a type annotation is a value like any other: called across awaits, chosen by a condition, passed on.
import { Timer, Duration, log, task } from "outpost";

const fast = async (n: i32): Promise<i32> => {
  await Timer.after(Duration.millis(1));
  return n * 100;
};

async function slow(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(5));
  return n + 1;
}

async function apply(f: (n: i32) => Promise<i32>, n: i32): Promise<i32> {
  return await f(n);
}

export const user = task(1, async (): Promise<void> => {
  const a = fast;
  const b = slow;
  log.infoInt("fn-value-inferred a", await a(3));
  log.infoInt("fn-value-inferred b", await b(3));
  for (let i = 0; i < 2; i++) {
    const pick = i == 0 ? a : b;
    log.infoInt("fn-value-inferred pick", await pick(i));
  }
  log.infoInt("fn-value-inferred passed", await apply(b, 10));
});

export function main(): void {
  user.spawn();
}
