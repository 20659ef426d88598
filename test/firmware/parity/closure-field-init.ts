// Parity program (test/parity/): an async arrow that is a field's initial
// value sees its own object as `this`, each object its own, written with or
// without the field's type.
import { Timer, Duration, log, task } from "outpost";

class Counter {
  total: i32 = 0;
  constructor(public step: i32) {}
  add = async (times: i32): Promise<i32> => {
    for (let i = 0; i < times; i++) {
      await Timer.after(Duration.millis(this.step));
      this.total += this.step;
    }
    return this.total;
  };
  report: () => Promise<void> = async (): Promise<void> => {
    await Timer.after(Duration.millis(1));
    log.infoInt("closure-field-init report", this.total);
  };
}

const a = new Counter(2);
const b = new Counter(5);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("closure-field-init a", await a.add(3));
  log.infoInt("closure-field-init b", await b.add(1));
  await a.report();
  await b.report();
  a.step = 1;
  log.infoInt("closure-field-init a again", await a.add(2));
});

export function main(): void {
  user.spawn();
}
