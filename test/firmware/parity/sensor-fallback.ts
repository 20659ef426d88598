// Parity program (test/parity/): a reader picks its sensor per sample with
// `await (primaryOk ? primary.read() : backup.read())`, a conditional
// between calls of two different objects' async methods, and switches to
// the backup after a failure.
import { Timer, Duration, log, task } from "outpost";

class Primary {
  n: i32 = 0;
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    this.n++;
    if (this.n == 3) throw new Error("sensor-fallback primary failed");
    return 100 + this.n;
  }
}

class Backup {
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(5));
    return 900;
  }
}

const primary = new Primary();
const backup = new Backup();

export const user = task(1, async (): Promise<void> => {
  let primaryOk: bool = true;
  for (let i = 0; i < 5; i++) {
    try {
      const v = await (primaryOk ? primary.read() : backup.read());
      log.info(`sensor-fallback sample ${i} = ${v} primary=${primaryOk}`);
    } catch (e) {
      primaryOk = false;
      log.info(`sensor-fallback ${(e as Error).message} at ${i}`);
    }
  }
});

export function main(): void {
  user.spawn();
}
