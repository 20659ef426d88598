// Parity program (test/parity/): a select between an async closure made at
// init and a plain async function, and a join3 of a closure, a function and
// a method, decide winners by time and keep their results.
import { Timer, Duration, select, join3, log, task } from "outpost";

let hits = 0;

const quick = async (ms: i32): Promise<i32> => {
  try {
    await Timer.after(Duration.millis(ms));
    hits++;
    return ms * 2;
  } finally {
    log.infoInt("select-closure-fn closure finally", ms);
  }
};

async function slow(ms: i32): Promise<i32> {
  try {
    await Timer.after(Duration.millis(ms));
    return ms * 3;
  } finally {
    log.infoInt("select-closure-fn function finally", ms);
  }
}

class Box {
  v: i32 = 7;
  async get(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(ms));
    return this.v;
  }
}
const box = new Box();

export const user = task(1, async (): Promise<void> => {
  const c1 = quick(2);
  const f1 = slow(4);
  log.infoInt("select-closure-fn first", await select(c1, f1));
  log.infoInt("select-closure-fn value", c1.value);
  const c2 = quick(6);
  const f2 = slow(3);
  log.infoInt("select-closure-fn second", await select(c2, f2));
  log.infoInt("select-closure-fn value", f2.value);
  const c3 = quick(1);
  const f3 = slow(2);
  const m3 = box.get(3);
  await join3(c3, f3, m3);
  log.infoInt("select-closure-fn join3", c3.value + f3.value + m3.value);
  log.infoInt("select-closure-fn hits", hits);
});

export function main(): void {
  user.spawn();
}
