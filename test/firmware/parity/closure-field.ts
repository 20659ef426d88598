// Parity program (test/parity/): an async arrow stored in a field (created
// in a constructor, capturing its parameter) is called later through the
// field.
import { Timer, Duration, log, task } from "outpost";

class Scaler {
  op: (x: i32) => Promise<i32>;

  constructor(factor: i32) {
    this.op = async (x: i32): Promise<i32> => {
      await Timer.after(Duration.millis(x));
      return x * factor;
    };
  }
}

const triple = new Scaler(3);
const tenfold = new Scaler(10);

export const user = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 3; i++) {
    log.infoInt("closure-field triple", await triple.op(i));
    log.infoInt("closure-field tenfold", await tenfold.op(i));
  }
});

export function main(): void {
  user.spawn();
}
