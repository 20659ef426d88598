// Parity program (test/parity/): nullable values around awaits in the
// forms users write: an early return on null then awaits, (await f())!.x,
// a nullable string narrowed and written into text, a nullable field
// read with ! after an await, and a nullable kept in a loop.
import { Timer, Duration, log, task } from "outpost";

class Dev {
  constructor(public id: i32, public name: string) {}
  peer: Dev | null = null;
  async ping(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return this.id * 2;
  }
}

const d1 = new Dev(1, "one");
const d2 = new Dev(2, "two");
d1.peer = d2;
const devs: StaticArray<Dev | null> = [d1, null, d2];

async function find(id: i32): Promise<Dev | null> {
  await Timer.after(Duration.millis(1));
  for (let i = 0; i < devs.length; i++) {
    const d = devs[i];
    if (d != null && d.id == id) return d;
  }
  return null;
}

async function label(id: i32): Promise<string | null> {
  const d = await find(id);
  if (d == null) return null;
  return d.name;
}

async function pingPeer(d: Dev): Promise<i32> {
  const p = d.peer;
  if (p == null) return -1;
  await Timer.after(Duration.millis(1));
  return await p.ping();
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("nullable-forms bang", (await find(2))!.id);
  log.infoInt("nullable-forms peer", await pingPeer(d1));
  log.infoInt("nullable-forms no peer", await pingPeer(d2));
  const n = await label(1);
  if (n != null) {
    await Timer.after(Duration.millis(1));
    log.info(`nullable-forms name ${n!} ${n.length}`);
  }
  const missing = await label(5);
  log.infoInt("nullable-forms missing", missing == null ? 1 : 0);
  if (d1.peer != null) {
    await Timer.after(Duration.millis(1));
    log.infoInt("nullable-forms field", await d1.peer!.ping());
  }
  let cur: Dev | null = d1;
  let hops = 0;
  while (cur != null) {
    hops += await cur.ping();
    cur = cur.peer;
  }
  log.infoInt("nullable-forms hops", hops);
});

export function main(): void {
  user.spawn();
}
