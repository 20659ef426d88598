// Parity program (test/parity/): compound assignments and increments on a
// property with a getter and setter, with an await on the right, read the
// property before the await and call the setter after it, once each.
import { Timer, Duration, log, task } from "outpost";

class Dimmer {
  private raw: i32 = 0;
  writes: i32 = 0;
  get level(): i32 {
    return this.raw;
  }
  set level(v: i32) {
    this.writes++;
    this.raw = v > 100 ? 100 : v;
  }
}

const d = new Dimmer();

async function delta(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  d.level = d.level + 1;
  return n;
}

export const user = task(1, async (): Promise<void> => {
  d.level += await delta(10);
  log.infoInt("setter-compound level", d.level * 100 + d.writes);
  d.level -= await delta(3);
  log.infoInt("setter-compound level", d.level * 100 + d.writes);
  d.level++;
  await Timer.after(Duration.millis(1));
  log.infoInt("setter-compound level", d.level * 100 + d.writes);
  d.level = (await delta(95)) + d.level;
  log.infoInt("setter-compound level", d.level * 100 + d.writes);
});

export function main(): void {
  user.spawn();
}
