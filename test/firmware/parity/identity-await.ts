// Parity program (test/parity/): objects passed into and returned from
// async functions and methods keep their identity across awaits: === and
// != compare the same objects as before, and writes through either
// reference are seen through the other.
import { Timer, Duration, log, task } from "outpost";

class Slot {
  constructor(public id: i32) {}
  uses: i32 = 0;
  next: Slot | null = null;
}

const a = new Slot(1);
const b = new Slot(2);
a.next = b;

class Pool {
  cur: Slot = a;
  async take(): Promise<Slot> {
    await Timer.after(Duration.millis(1));
    const s = this.cur;
    const n = s.next;
    this.cur = n != null ? n : a;
    s.uses++;
    return s;
  }
  async give(s: Slot): Promise<bool> {
    await Timer.after(Duration.millis(1));
    return s === this.cur;
  }
}

const pool = new Pool();

async function touch(s: Slot): Promise<Slot> {
  await Timer.after(Duration.millis(1));
  s.uses += 10;
  return s;
}

export const user = task(1, async (): Promise<void> => {
  const x = await pool.take();
  const y = await pool.take();
  const z = await pool.take();
  log.info(`identity-await ${x.id} ${y.id} ${z.id} xz=${x === z} xy=${x === y} ne=${x != y}`);
  const t = await touch(y);
  await Timer.after(Duration.millis(1));
  log.info(`identity-await touched ${t === y} ${y.uses} ${b.uses} ${t === b}`);
  log.info(`identity-await give ${await pool.give(b)} ${await pool.give(x)}`);
  let found: Slot | null = null;
  for (let i = 0; i < 3; i++) {
    const s = await pool.take();
    if (s === b && found == null) found = s;
  }
  log.info(`identity-await found ${found === b} ${found != null ? found.uses : -1}`);
});

export function main(): void {
  user.spawn();
}
