// Parity program (test/parity/): `return` from inside a for-of over a
// generator, inside try/finally, inside an outer loop, closes the generator
// (its finally first), then runs the function's finally, once per call.
import { Timer, Duration, log, task } from "outpost";

function* range(from: i32, to: i32): Generator<i32> {
  try {
    for (let i = from; i < to; i++) yield i;
  } finally {
    log.infoInt("gen-return-loop gen closed", from);
  }
}

async function search(target: i32): Promise<i32> {
  for (let round = 0; round < 3; round++) {
    try {
      for (const v of range(round * 10, round * 10 + 4)) {
        await Timer.after(Duration.millis(1));
        if (v == target) return v * 2;
      }
      log.infoInt("gen-return-loop round missed", round);
    } finally {
      log.infoInt("gen-return-loop round finally", round);
      await Timer.after(Duration.millis(1));
    }
  }
  return -1;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("gen-return-loop found", await search(12));
  log.infoInt("gen-return-loop found", await search(1));
  log.infoInt("gen-return-loop found", await search(99));
});

export function main(): void {
  user.spawn();
}
