// Parity program (test/parity/): a u64 kept across an await is written in
// template text as the integer it is, like every other integer width.
import { Timer, Duration, log, task } from "outpost";

async function big(): Promise<u64> {
  await Timer.after(Duration.millis(1));
  return 12_000_000_000;
}

export const user = task(1, async (): Promise<void> => {
  const g: u64 = await big();
  await Timer.after(Duration.millis(1));
  log.info(`u64-text ${g} ${g + 1}`);
  log.info(`u64-text direct ${await big()}`);
});

export function main(): void {
  user.spawn();
}
