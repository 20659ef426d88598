// Parity program (test/parity/): a nullable field cleared by another task
// while this one awaits: a local copy narrowed before the await still holds
// the object, the field read again after the await is null.
import { Timer, Duration, log, task } from "outpost";

class Conn {
  constructor(public id: i32) {}
  sent: i32 = 0;
  async send(n: i32): Promise<i32> {
    await Timer.after(Duration.millis(2));
    this.sent += n;
    return this.sent;
  }
}

class Hub {
  current: Conn | null = null;
}

const hub = new Hub();
const c1 = new Conn(1);
const c2 = new Conn(2);

export const user = task(1, async (): Promise<void> => {
  hub.current = c1;
  const c = hub.current;
  if (c != null) {
    const n = await c.send(5);
    log.info(`nullable-cleared sent ${c.id} ${n} field=${hub.current == null ? "null" : "set"}`);
    await Timer.after(Duration.millis(1));
    log.infoInt("nullable-cleared again", await c!.send(1));
  }
  await Timer.after(Duration.millis(10));
  let d: Conn | null = hub.current;
  if (d != null) {
    await Timer.after(Duration.millis(1));
    log.infoInt("nullable-cleared second", d.id + (await d.send(3)));
    d = null;
  }
  await Timer.after(Duration.millis(1));
  log.infoInt("nullable-cleared d", d == null ? 0 : 1);
  log.infoInt("nullable-cleared same", hub.current === c2 ? 1 : 0);
});

export const other = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  hub.current = null;
  log.info("nullable-cleared cleared");
  await Timer.after(Duration.millis(5));
  hub.current = c2;
});

export function main(): void {
  user.spawn();
  other.spawn();
}
