// Parity program (test/parity/): an interface async method, implemented by
// two classes, is awaited through interface-typed values.
import { Timer, Duration, log, task } from "outpost";

interface Source {
  fetch(n: i32): Promise<i32>;
}

class Local implements Source {
  async fetch(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return n;
  }
}

class Remote implements Source {
  calls: i32 = 0;
  async fetch(n: i32): Promise<i32> {
    this.calls++;
    await Timer.after(Duration.millis(8));
    return n + 1000 * this.calls;
  }
}

const local: Source = new Local();
const remote: Source = new Remote();

async function fetchBoth(a: Source, b: Source, n: i32): Promise<i32> {
  const x = await a.fetch(n);
  const y = await b.fetch(n);
  return x + y;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("interface-method local", await local.fetch(4));
  log.infoInt("interface-method remote", await remote.fetch(4));
  log.infoInt("interface-method both", await fetchBoth(remote, local, 5));
});

export function main(): void {
  user.spawn();
}
