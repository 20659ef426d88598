// Parity program (test/parity/): an error thrown by an async method waits
// for the method's finally block, which awaits, before it reaches the
// caller's catch, through an interface call and a withTimeout.
import { Timer, Duration, withTimeout, log, task } from "outpost";

class Fault extends Error {
  constructor(public code: i32) {
    super("fault");
  }
}

interface Actuator {
  move(steps: i32): Promise<i32>;
}

class Stepper implements Actuator {
  pos: i32 = 0;
  async move(steps: i32): Promise<i32> {
    try {
      await Timer.after(Duration.millis(steps));
      this.pos += steps;
      if (this.pos > 4) throw new Fault(5);
      return this.pos;
    } finally {
      await Timer.after(Duration.millis(2));
      log.infoInt("finally-await-error parked", this.pos);
    }
  }
}

const motor: Actuator = new Stepper();

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    try {
      log.infoInt("finally-await-error at", await motor.move(3));
    } catch (e) {
      log.infoInt("finally-await-error fault", e instanceof Fault ? (e as Fault).code : -1);
    }
  }
  try {
    const t = withTimeout(Duration.millis(20), motor.move(1));
    await t;
    log.infoInt("finally-await-error never", 0);
  } catch (e) {
    log.infoInt("finally-await-error timeout fault", e instanceof Fault ? (e as Fault).code : -1);
  }
});

export function main(): void {
  user.spawn();
}
