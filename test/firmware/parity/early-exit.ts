// Parity program (test/parity/): return, break and continue from inside
// try/finally with awaits in the finally, nested two deep.
import { Timer, Duration, log, task } from "outpost";

async function step(x: i32): Promise<void> {
  await Timer.after(Duration.millis(1));
  log.infoInt("early-exit step", x);
}

async function run(mode: i32): Promise<i32> {
  for (let i = 0; i < 3; i++) {
    try {
      try {
        await step(mode * 100 + i);
        if (mode == 0 && i == 1) return 7;
        if (mode == 1 && i == 1) break;
        if (mode == 2 && i == 0) continue;
      } finally {
        await step(mode * 100 + 10 + i);
      }
      log.infoInt("early-exit body", mode * 100 + i);
    } finally {
      await step(mode * 100 + 20 + i);
    }
  }
  return -mode;
}

export const user = task(1, async (): Promise<void> => {
  for (let m = 0; m < 3; m++) log.infoInt("early-exit result", await run(m));
});

export function main(): void {
  user.spawn();
}
