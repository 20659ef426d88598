// Parity program (test/parity/): tasks spawned in a loop in main() with
// the loop's counter as argument each get their own value, and run in the
// order they were spawned at each shared instant.
import { Timer, Duration, log, task } from "outpost";

export const worker = task(4, async (id: i32): Promise<void> => {
  for (let round = 0; round < 2; round++) {
    await Timer.after(Duration.millis(2));
    log.infoInt("spawn-loop worker", id * 10 + round);
  }
});

export function main(): void {
  for (let i = 1; i <= 4; i++) worker.spawn(i);
}
