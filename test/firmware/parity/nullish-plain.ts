// Parity program (test/parity/): `??` with no await on either side, in
// async code, picks the right side when the left is null, as it does
// beside `await`.
import { Timer, Duration, log, task } from "outpost";

class Gauge {
  constructor(public raw: i32) {}
}

const g = new Gauge(7);
const other = new Gauge(9);
let cached: Gauge | null = null;

export const user = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  const p = cached ?? g;
  log.infoInt("nullish-plain first", p.raw);
  cached = other;
  await Timer.after(Duration.millis(1));
  log.infoInt("nullish-plain second", (cached ?? g).raw);
});

export function main(): void {
  user.spawn();
}
