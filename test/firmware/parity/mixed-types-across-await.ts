// Parity program (test/parity/): values of mixed widths (i32 with i64, u8 with i32), a literal branch beside an awaited one, and a conditional between a class and null or its subclass keep across awaits, typed as their sync twins are.
import { Timer, Duration, log, task } from "outpost";

class Base {
  id: i32 = 1;
}
class Derived extends Base {
  constructor() {
    super();
    this.id = 2;
  }
}
const base = new Base();
const derived = new Derived();
let flag: bool = false;

async function rd8(v: u8): Promise<u8> {
  await Timer.after(Duration.millis(1));
  return v;
}

async function big(v: i64): Promise<i64> {
  await Timer.after(Duration.millis(1));
  return v;
}

export const user = task(1, async (): Promise<void> => {
  const small: i32 = 3;
  const wide: i64 = 7000000000;
  const b8: u8 = 12;
  const mixed = small + wide;
  const sum8 = b8 + small;
  await Timer.after(Duration.millis(1));
  log.info(`mixed-types-across-await sums ${mixed} ${sum8}`);
  const r: i64 = small + wide + (await big(1));
  log.info(`mixed-types-across-await with await ${r}`);
  for (let i = 0; i < 2; i++) {
    const v: u8 = flag ? 0 : await rd8(200);
    const w: i64 = flag ? -1 : await big(5000000000);
    const p = flag ? base : null;
    const x = flag ? derived : base;
    await Timer.after(Duration.millis(1));
    log.info(`mixed-types-across-await flag ${flag} ${v} ${w} ${p == null ? -1 : p.id} ${x.id}`);
    flag = !flag;
  }
});

export function main(): void {
  user.spawn();
}
