// Parity program (test/parity/): join3 and select3 over async method calls
// of three objects of different classes behind an interface, reading each
// finished call's value from its future.
import { Timer, Duration, join3, select3, log, task } from "outpost";

interface Probe {
  probe(ms: i32): Promise<i32>;
}

class Fast implements Probe {
  async probe(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(ms));
    return ms;
  }
}

class Slow implements Probe {
  extra: i32 = 5;
  async probe(ms: i32): Promise<i32> {
    await Timer.after(Duration.millis(ms + this.extra));
    return ms * 10;
  }
}

const fast = new Fast();
const slow = new Slow();
const other = new Fast();

export const user = task(1, async (): Promise<void> => {
  const a = fast.probe(3);
  const b = slow.probe(1);
  const c = other.probe(2);
  await join3(a, b, c);
  log.infoInt("join-methods joined", a.value + b.value + c.value);
  const x = slow.probe(0);
  const y = fast.probe(4);
  const z = other.probe(7);
  const w = await select3(x, y, z);
  log.infoInt("join-methods winner", w);
  log.infoInt("join-methods value", w == 1 ? y.value : w == 0 ? x.value : z.value);
});

export function main(): void {
  user.spawn();
}
