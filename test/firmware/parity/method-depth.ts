// Parity program (test/parity/): an async method awaits another async
// method on `this`, which awaits a third, three levels deep, each changing
// the object's fields before and after its await.
import { Timer, Duration, log, task } from "outpost";

class Stack {
  depth: i32 = 0;
  trail: i32 = 0;

  async outer(n: i32): Promise<i32> {
    this.depth++;
    this.trail = this.trail * 10 + 1;
    const r = (await this.middle(n + 1)) + this.depth;
    this.depth--;
    return r;
  }

  async middle(n: i32): Promise<i32> {
    this.depth++;
    await Timer.after(Duration.millis(n));
    this.trail = this.trail * 10 + 2;
    const r = (await this.inner(n * 2)) * 2;
    this.depth--;
    return r;
  }

  async inner(n: i32): Promise<i32> {
    this.depth++;
    await Timer.after(Duration.millis(n));
    this.trail = this.trail * 10 + 3;
    log.infoInt("method-depth inner depth", this.depth);
    this.depth--;
    return n + this.depth;
  }
}

const s = new Stack();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("method-depth first", await s.outer(1));
  log.infoInt("method-depth second", await s.outer(2));
  log.infoInt("method-depth trail", s.trail);
  log.infoInt("method-depth depth", s.depth);
});

export function main(): void {
  user.spawn();
}
