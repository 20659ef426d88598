// Parity program (test/parity/): an interface method typed as returning a
// future is implemented by one class as an async method and by another as
// a sync method returning a call of its own async method; both are awaited
// through the interface.
import { Timer, Duration, log, task } from "outpost";

interface Source {
  next(n: i32): Promise<i32>;
}

class Direct implements Source {
  async next(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return n + 1;
  }
}

class Forward implements Source {
  calls: i32 = 0;
  next(n: i32): Promise<i32> {
    this.calls++;
    return this.slow(n);
  }
  async slow(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(3));
    return n * 100 + this.calls;
  }
}

const sources: StaticArray<Source> = [new Direct(), new Forward()];

export const user = task(1, async (): Promise<void> => {
  for (let round = 1; round <= 2; round++) {
    for (let i = 0; i < 2; i++) log.infoInt("sync-impl-future value", await sources[i].next(round));
  }
});

export function main(): void {
  user.spawn();
}
