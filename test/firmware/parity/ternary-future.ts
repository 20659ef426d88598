// Parity program (test/parity/): a conditional between calls of two
// different async functions, awaited at once or kept in a local first,
// runs the call its condition picks.
import { Timer, Duration, log, task } from "outpost";

async function opRead(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return x + 100;
}

async function opWrite(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  return x + 200;
}

async function settle(ms: u32): Promise<void> {
  await Timer.after(Duration.millis(ms));
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    const w = await (i == 0 ? opRead(i) : opWrite(i));
    log.infoInt("ternary-future awaited", w);
    const kept = i == 0 ? opWrite(i + 10) : opRead(i + 10);
    log.infoInt("ternary-future kept", await kept);
    await (i == 0 ? settle(3) : Timer.after(Duration.millis(4)));
    log.infoInt("ternary-future settled", i);
  }
});

export function main(): void {
  user.spawn();
}
