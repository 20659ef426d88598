// Parity program (test/parity/): a block's `let` that shadows an outer one,
// both alive across awaits, and a parameter shadowed in a nested block.
import { Timer, Duration, log, task } from "outpost";

async function nap(): Promise<void> {
  await Timer.after(Duration.millis(1));
}

async function f(x: i32): Promise<i32> {
  let y = x * 2;
  {
    let y = x * 3;
    await nap();
    {
      const x = y + 1;
      await nap();
      log.infoInt("shadowing inner x", x);
    }
    log.infoInt("shadowing inner y", y);
  }
  await nap();
  log.infoInt("shadowing outer y", y);
  return x + y;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("shadowing result", await f(5));
  for (let i = 0; i < 2; i++) {
    let i2 = i * 10;
    await nap();
    for (let i = 5; i < 7; i++) {
      await nap();
      log.infoInt("shadowing loop", i2 + i);
    }
  }
});

export function main(): void {
  user.spawn();
}
