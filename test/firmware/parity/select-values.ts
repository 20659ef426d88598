// Parity program (test/parity/): select and join results read in a loop:
// the winner index kept across awaits, the winner's and joined futures'
// .value from async methods of objects, added into locals of other widths.
import { Timer, Duration, select, join, log, task } from "outpost";

class Sensor {
  constructor(public id: i32, public ms: i32) {}
  async read(k: i32): Promise<i64> {
    await Timer.after(Duration.millis(this.ms));
    return <i64>this.id * 1_000_000_000 + k;
  }
  async flag(): Promise<bool> {
    await Timer.after(Duration.millis(this.ms));
    return this.id > 1;
  }
}

const fast = new Sensor(1, 2);
const slow = new Sensor(2, 3);

export const user = task(1, async (): Promise<void> => {
  let sum: i64 = 0;
  let wins = 0;
  for (let i = 0; i < 4; i++) {
    const a = fast.read(i);
    const b = slow.read(i);
    const w = i % 2 == 0 ? await select(a, b) : await select(b, a);
    await Timer.after(Duration.millis(1));
    const v = (w == 0) == (i % 2 == 0) ? a.value : b.value;
    sum += v;
    wins += w;
    log.info(`select-values round ${i} winner ${w} value ${v}`);
  }
  const x = fast.read(7);
  const y = slow.flag();
  await join(x, y);
  await Timer.after(Duration.millis(1));
  log.info(`select-values joined ${x.value} ${y.value} ${x.value + sum}`);
  log.infoInt("select-values wins", wins);
});

export function main(): void {
  user.spawn();
}
