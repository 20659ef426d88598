// Parity program (test/parity/): a select and a join over the same async
// method of two different objects keep each object's state apart, and the
// loser's finally sees its own object.
import { Timer, Duration, select, join, log, task } from "outpost";

class Probe {
  id: i32;
  delay: i32;
  reads: i32 = 0;
  constructor(id: i32, delay: i32) {
    this.id = id;
    this.delay = delay;
  }
  async read(extra: i32): Promise<i32> {
    try {
      await Timer.after(Duration.millis(this.delay + extra));
      this.reads++;
      return this.id * 100 + this.reads;
    } finally {
      log.infoInt("select-same-method finally", this.id * 10 + this.reads);
    }
  }
}

const p1 = new Probe(1, 3);
const p2 = new Probe(2, 5);

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const a = p1.read(i * 2);
    const b = p2.read(0);
    const w = await select(a, b);
    log.infoInt("select-same-method winner", w);
    log.infoInt("select-same-method value", w == 0 ? a.value : b.value);
  }
  const x = p1.read(1);
  const y = p2.read(1);
  await join(x, y);
  log.infoInt("select-same-method joined", x.value + y.value);
});

export function main(): void {
  user.spawn();
}
