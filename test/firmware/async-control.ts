// Test firmware for test/lower/control.test.ts: every control-flow construct
// the async lowering supports, each logging what it computed and when.
import { Timer, Duration, Yield, log, task } from "outpost";

function ms(n: i64): Duration {
  return Duration.millis(n);
}

/** for with continue and break; await in the body; compound assignment. */
async function forLoop(n: i32): Promise<i32> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (i == 2) continue;
    if (i == 5) break;
    await Timer.after(ms(10));
    total += i;
  }
  return total;
}

/** while with await in the condition. */
async function countdown(from: i32): Promise<i32> {
  let n = from;
  let steps = 0;
  while ((await tick(n)) > 0) {
    n--;
    steps++;
  }
  return steps;
}

async function tick(n: i32): Promise<i32> {
  await Timer.after(ms(1));
  return n;
}

/** do…while with await in body and condition. */
async function doLoop(): Promise<i32> {
  let k = 0;
  do {
    k++;
    await Yield.now();
  } while ((await tick(k)) < 3);
  return k;
}

/** switch with awaits in cases, fallthrough and default; early returns. */
async function pick(x: i32): Promise<i32> {
  let r = 0;
  switch (x) {
    case 1:
      await Timer.after(ms(1));
      return 10;
    case 2:
      r = 20;
    case 3:
      r += await tick(3);
      break;
    default:
      await Timer.after(ms(2));
      r = -1;
  }
  return r;
}

/** if/else with await in the condition and branches; nested blocks; shadowed names. */
async function branches(x: i32): Promise<i32> {
  if ((await tick(x)) > 5) {
    const v = await tick(100);
    {
      const v2 = v + 1;
      return v2;
    }
  } else if (x == 0) {
    const v = 7;
    await Timer.after(ms(1));
    return v;
  } else {
    return -x;
  }
}

/** Nested awaits: an await in the arguments of an awaited call. */
async function nested(): Promise<i32> {
  return await tick((await tick(2)) + (await tick(3)));
}

/** A loop that awaits only on some iterations; a verbatim inner loop; assignments from await. */
async function mixed(): Promise<i32> {
  let sum = 0;
  let last = 0;
  for (let i = 0; i < 6; i++) {
    let inner = 0;
    for (let j = 0; j < i; j++) inner += j;
    if (i % 2 == 0) last = await tick(inner);
    sum += inner;
  }
  return sum * 100 + last;
}

export const control = task(1, async (): Promise<void> => {
  log.infoInt("for", await forLoop(10));
  log.infoInt("while", await countdown(3));
  log.infoInt("do", await doLoop());
  log.infoInt("pick1", await pick(1));
  log.infoInt("pick2", await pick(2));
  log.infoInt("pick3", await pick(3));
  log.infoInt("pick9", await pick(9));
  log.infoInt("branch9", await branches(9));
  log.infoInt("branch0", await branches(0));
  log.infoInt("branch2", await branches(2));
  log.infoInt("nested", await nested());
  log.infoInt("mixed", await mixed());
  log.info("done");
});

export function main(): void {
  control.spawn();
}
