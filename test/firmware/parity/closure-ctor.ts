// Parity program (test/parity/): an async closure made in a constructor
// captures `this` (the field it is stored in declared with `!`), and reads
// the object's fields as they are when it runs.
import { Timer, Duration, log, task } from "outpost";

type Step = (x: i32) => Promise<i32>;

class Machine {
  base: i32 = 100;
  step!: Step;
  constructor() {
    this.step = async (x: i32): Promise<i32> => {
      await Timer.after(Duration.millis(1));
      return x + this.base;
    };
  }
}

const m = new Machine();

export const user = task(1, async (): Promise<void> => {
  log.infoInt("closure-ctor first", await m.step(5));
  m.base = 7;
  log.infoInt("closure-ctor second", await m.step(5));
});

export function main(): void {
  user.spawn();
}
