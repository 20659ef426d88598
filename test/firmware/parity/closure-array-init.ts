// Parity program (test/parity/): async arrows returned from a sync factory
// at init, capturing the factory's parameters, are kept in a module-level
// array and in a class's fields, and called later from two tasks.
import { Timer, Duration, log, task } from "outpost";

type Step = (x: i32) => Promise<i32>;

function makeStep(scale: i32, delay: i32): Step {
  return async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(delay));
    return x * scale + delay;
  };
}

class Pipeline {
  first: Step;
  second: Step;
  constructor(a: i32, b: i32) {
    this.first = makeStep(a, 1);
    this.second = makeStep(b, 2);
  }
  async run(x: i32): Promise<i32> {
    const y = await this.first(x);
    return await this.second(y);
  }
}

const steps: Step[] = [makeStep(2, 3), makeStep(3, 1), makeStep(5, 2)];
const pipe = new Pipeline(10, 100);

export const a = task(1, async (): Promise<void> => {
  let v = 1;
  for (let i = 0; i < steps.length; i++) {
    v = await steps[i](v);
    log.infoInt("closure-array-init a", v);
  }
});

export const b = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(10));
  log.infoInt("closure-array-init pipe", await pipe.run(7));
  const last = steps[steps.length - 1];
  log.infoInt("closure-array-init last", await last(4));
});

export function main(): void {
  a.spawn();
  b.spawn();
}
