// A nullable local kept across an await and read as an object while null:
// asc would refuse the read of an unchecked local; in async code the local
// is a frame field, and the read is a null panic at its position
// (test/lower/misuse.test.ts).
import { Timer, Duration, log, task } from "outpost";

class Probe {
  id: i32 = 7;
}

const probes: StaticArray<Probe | null> = [new Probe(), null];

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < probes.length; i++) {
    const p = probes[i];
    await Timer.after(Duration.millis(1));
    log.infoInt("id", p.id);
  }
});

export function main(): void {
  user.spawn();
}
