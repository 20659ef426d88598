// Parity program (test/parity/): a nullable local checked against null
// (in an if, or by returning early) and used across awaits reads its
// object, as TypeScript narrows it, as a receiver and as an argument.
import { Timer, Duration, log, task } from "outpost";

class Probe {
  constructor(public id: i32) {}
  reads: i32 = 0;
  async read(): Promise<i32> {
    await Timer.after(Duration.millis(this.id));
    this.reads++;
    return this.id * 10;
  }
}

const probes: StaticArray<Probe | null> = [new Probe(1), null, new Probe(3)];

function idOf(p: Probe): i32 {
  return p.id;
}

async function readAt(i: i32): Promise<i32> {
  const p = probes[i];
  if (p == null) return -1;
  await Timer.after(Duration.millis(1));
  return idOf(p) + (await p.read());
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < probes.length; i++) {
    const p = probes[i];
    if (p != null) {
      const v = await p.read();
      log.infoInt("nullable-narrow read", v + p.reads);
    } else {
      await Timer.after(Duration.millis(2));
      log.infoInt("nullable-narrow empty", i);
    }
  }
  const q = probes[2];
  if (q) log.infoInt("nullable-narrow again", (await q.read()) + q.reads);
  log.infoInt("nullable-narrow at 0", await readAt(0));
  log.infoInt("nullable-narrow at 1", await readAt(1));
});

export function main(): void {
  user.spawn();
}
