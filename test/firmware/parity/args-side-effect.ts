// Parity program (test/parity/): in a call whose arguments mix `i++`, an
// assignment and awaits (`f(i++, await g(i), i = 9, await g(i))`), every
// argument is evaluated left to right before the call.
import { Timer, Duration, log, task } from "outpost";

let sidecount = 0;

async function g(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  sidecount++;
  return x * 10;
}

function four(a: i32, b: i32, c: i32, d: i32): i32 {
  log.infoInt("args-side-effect a", a);
  log.infoInt("args-side-effect b", b);
  log.infoInt("args-side-effect c", c);
  log.infoInt("args-side-effect d", d);
  return a + b + c + d;
}

async function sum3(a: i32, b: i32, c: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return a * 10000 + b * 100 + c;
}

export const user = task(1, async (): Promise<void> => {
  let i = 1;
  const r = four(i++, await g(i), (i = 9), await g(i));
  log.infoInt("args-side-effect r", r);
  log.infoInt("args-side-effect i", i);
  const s = await sum3(sidecount, await g(sidecount), sidecount);
  log.infoInt("args-side-effect s", s);
});

export function main(): void {
  user.spawn();
}
