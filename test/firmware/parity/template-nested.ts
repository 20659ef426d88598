// Parity program (test/parity/): a template literal inside another, or a
// concatenation inside one, writes the same text as in TypeScript.
import { Timer, Duration, log, task } from "outpost";

let count: i32 = 0;

async function tick(): Promise<i32> {
  await Timer.after(Duration.millis(3));
  count++;
  return count;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const on = i % 2 == 0;
    log.info(`template-nested ${i}: ${`tick ${await tick()} of ${3}`} ${on ? "on" : "off"} ${"#" + i}`);
  }
});

export function main(): void {
  user.spawn();
}
