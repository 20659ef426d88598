// Parity program (test/parity/): `await` right of `??` runs only when the
// left side is null.
import { Timer, Duration, log, task } from "outpost";

class Reading {
  constructor(public value: i32) {}
}

const fresh = new Reading(7);
const stale = new Reading(99);
let cache: Reading | null = null;

async function load(): Promise<Reading> {
  await Timer.after(Duration.millis(4));
  log.infoInt("nullish-await loaded", fresh.value);
  return fresh;
}

export const user = task(1, async (): Promise<void> => {
  const a = cache ?? (await load());
  log.infoInt("nullish-await first", a.value);
  cache = stale;
  const b = cache ?? (await load());
  log.infoInt("nullish-await second", b.value);
});

export function main(): void {
  user.spawn();
}
