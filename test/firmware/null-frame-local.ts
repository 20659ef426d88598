// A nullable local kept across an await, checked against null, then set
// to null by an async closure while the check's branch awaits: TypeScript
// still narrows it (it does not follow the closure), JavaScript would
// throw at the read, and Outpost stops the firmware with a null panic at
// the read (test/lower/misuse.test.ts).
import { Timer, Duration, log, task } from "outpost";

class Probe {
  id: i32 = 7;
}

const probe = new Probe();

export const user = task(1, async (): Promise<void> => {
  let p: Probe | null = probe;
  const drop = async (): Promise<void> => {
    await Timer.after(Duration.millis(1));
    p = null;
  };
  if (p != null) {
    log.infoInt("id", p.id);
    await drop();
    log.infoInt("id", p.id);
  }
});

export function main(): void {
  user.spawn();
}
