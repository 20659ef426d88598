// Parity program (test/parity/): async and sync arrows capture the
// variable their own block declares when an outer block has one of the
// same name, and the outer one keeps its value across the awaits.
import { Timer, Duration, log, task } from "outpost";

async function pause(): Promise<void> {
  await Timer.after(Duration.millis(1));
}

export const user = task(1, async (): Promise<void> => {
  let count = 1;
  const outerInc = async (): Promise<void> => {
    await pause();
    count += 1;
  };
  {
    let count = 100;
    const inc = async (n: i32): Promise<i32> => {
      await pause();
      count += n;
      return count;
    };
    log.infoInt("capture-shadow inner a", await inc(5));
    await outerInc();
    log.infoInt("capture-shadow inner b", await inc(7));
    log.infoInt("capture-shadow inner var", count);
  }
  log.infoInt("capture-shadow outer", count);
  if (count > 0) {
    const count = 50;
    const twice = (k: i32): i32 => k * 2;
    await pause();
    log.infoInt("capture-shadow if", twice(count));
  }
  await outerInc();
  log.infoInt("capture-shadow outer end", count);
});

export function main(): void {
  user.spawn();
}
