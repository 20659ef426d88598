// Parity program (test/parity/): sync callbacks passed as parameters to an
// async function (a reducer and a filter) are kept across its awaits and
// called between them, with module functions and arrows made at init.
import { Timer, Duration, log, task } from "outpost";

let calls = 0;

function add(acc: i32, x: i32): i32 {
  return acc + x;
}
const mul = (acc: i32, x: i32): i32 => acc * x;
const even = (x: i32): bool => x % 2 == 0;
const any = (x: i32): bool => {
  calls++;
  return x > 0;
};

async function fold(n: i32, init: i32, f: (acc: i32, x: i32) => i32, keep: (x: i32) => bool): Promise<i32> {
  let acc = init;
  for (let i = 1; i <= n; i++) {
    await Timer.after(Duration.millis(1));
    if (keep(i)) acc = f(acc, i);
    await Timer.after(Duration.millis(1));
  }
  return acc;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("sync-callback-param sum even", await fold(6, 0, add, even));
  log.infoInt("sync-callback-param product", await fold(5, 1, mul, any));
  let f: (acc: i32, x: i32) => i32 = add;
  const r1 = await fold(3, 100, f, any);
  f = mul;
  const r2 = await fold(3, 2, f, even);
  log.infoInt("sync-callback-param swapped", r1 * 1000 + r2);
  log.infoInt("sync-callback-param calls", calls);
});

export function main(): void {
  user.spawn();
}
