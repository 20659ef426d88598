// For the native and cross-host tests (test/native/stack.test.ts,
// test/conformance/): recursion far deeper than any host's stack. Task
// "deep" recurses 100,000 levels at 10 ms; every host must stop it with
// the "call stack exhausted" trap, and a chip must do so before its C stack
// runs into the data below it. The work after each call keeps compilers
// from turning the recursion into a loop.
import { Duration, Timer, log, task } from "outpost";

let mixed: i32 = 0;
const pause = new Timer();

function down(n: i32): i32 {
  if (n == 0) return 0;
  const below = down(n - 1);
  mixed = mixed * 31 + (below ^ n);
  return below + (mixed & 1);
}

export const deep = task(1, async (): Promise<void> => {
  await pause.after(Duration.millis(10));
  log.infoInt("deep: reached", down(100_000));
});

export function main(): void {
  log.info("native-deep: recursing 100000 levels at 10 ms");
  deep.spawn();
}
