// Parity program (test/parity/): loops and ifs with empty bodies whose only
// work is the await in their header (`while (!(await ready()));`,
// `for (; await more(); );`, `if (await f()) {} else …`) poll until done.
import { Timer, Duration, log, task } from "outpost";

let polls = 0;

async function ready(): Promise<bool> {
  await Timer.after(Duration.millis(1));
  polls++;
  return polls >= 3;
}

async function more(): Promise<bool> {
  await Timer.after(Duration.millis(2));
  polls++;
  return polls < 6;
}

export const user = task(1, async (): Promise<void> => {
  while (!(await ready()));
  log.infoInt("empty-body-await ready", polls);
  for (; await more(); );
  log.infoInt("empty-body-await more", polls);
  if (await ready()) {}
  else log.infoInt("empty-body-await else", polls);
  do; while (!(await ready()) && polls < 9);
  log.infoInt("empty-body-await do", polls);
  for (;;) {
    if (await more()) continue;
    if (polls > 10) break;
  }
  log.infoInt("empty-body-await forever", polls);
});

export function main(): void {
  user.spawn();
}
