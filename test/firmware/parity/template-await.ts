// Parity program (test/parity/): awaits inside a template literal's pieces
// run left to right with the sync pieces between them, before the line is
// logged.
import { Timer, Duration, log, task } from "outpost";

function side(x: i32): i32 {
  log.infoInt("template-await side", x);
  return x;
}

async function f(x: i32): Promise<i32> {
  await Timer.after(Duration.millis(x));
  log.infoInt("template-await f", x);
  return x * 10;
}

async function name(i: i32): Promise<string> {
  await Timer.after(Duration.millis(1));
  return i == 0 ? "zero" : "many";
}

export const user = task(1, async (): Promise<void> => {
  log.info(`template-await a=${await f(1)} b=${side(2)} c=${await f(3)}`);
  for (let i = 0; i < 2; i++) log.info(`template-await ${await name(i)} ${i} ${(await f(i + 1)) + i}`);
});

export function main(): void {
  user.spawn();
}
