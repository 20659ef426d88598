// Parity program (test/parity/): async arrows returned from a factory run
// at init capture the factory's argument; each keeps its own.
import { Timer, Duration, log, task } from "outpost";

function makeAdder(k: i32): (x: i32) => Promise<i32> {
  return async (x: i32): Promise<i32> => {
    await Timer.after(Duration.millis(k));
    return x + k;
  };
}

const add5 = makeAdder(5);
const add9 = makeAdder(9);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("closure-factory add5", await add5(1));
  log.infoInt("closure-factory add9", await add9(1));
  log.infoInt("closure-factory both", (await add5(10)) + (await add9(10)));
});

export function main(): void {
  user.spawn();
}
