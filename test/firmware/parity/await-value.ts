// Parity program (test/parity/): `await` of a value that is not a future
// (`await 3`, `await syncFn()`) gives the value and goes on, as in
// TypeScript.
import { Timer, Duration, log, task } from "outpost";

function plain(x: i32): i32 {
  log.infoInt("await-value plain", x);
  return x + 1;
}

export const user = task(1, async (): Promise<void> => {
  const a: i32 = await 3;
  log.infoInt("await-value literal", a);
  const b: i32 = await plain(4);
  log.infoInt("await-value sync", b);
  await Timer.after(Duration.millis(2));
  log.infoInt("await-value sum", (await a) + (await plain(b)));
});

export function main(): void {
  user.spawn();
}
