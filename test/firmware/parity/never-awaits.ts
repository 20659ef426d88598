// Parity program (test/parity/): an async function that never awaits (its
// body is plain code, a return in a loop, a throw) completes at once when
// awaited, with its value or its error, without passing time.
import { Timer, Duration, log, task } from "outpost";

let calls = 0;

async function plain(x: i32): Promise<i32> {
  calls++;
  return x + 1;
}

async function search(limit: i32): Promise<i32> {
  for (let i = 0; i < 10; i++) {
    if (i * i > limit) return i;
  }
  return -1;
}

async function refuse(x: i32): Promise<i32> {
  if (x < 0) throw new Error("never-awaits refused");
  return x;
}

async function nothing(): Promise<void> {}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("never-awaits plain", await plain(4));
  await Timer.after(Duration.millis(1));
  log.infoInt("never-awaits search", await search(20));
  await nothing();
  log.infoInt("never-awaits calls", calls);
  try {
    log.infoInt("never-awaits refuse", await refuse(3));
    log.infoInt("never-awaits refuse", await refuse(-1));
  } catch (e) {
    log.info((e as Error).message);
  }
  log.infoInt("never-awaits sum", (await plain(1)) + (await plain(2)) + calls);
});

export function main(): void {
  user.spawn();
}
