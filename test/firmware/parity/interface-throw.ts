// Parity program (test/parity/): an async method reached through an
// interface throws after an await; the caller catches it, and the object's
// state changed before the throw is kept.
import { Timer, Duration, log, task } from "outpost";

interface Port {
  send(v: i32): Promise<i32>;
}

class Flaky implements Port {
  sent: i32 = 0;
  async send(v: i32): Promise<i32> {
    this.sent++;
    await Timer.after(Duration.millis(2));
    if (v < 0) throw new Error("interface-throw negative");
    return v;
  }
}

class Steady implements Port {
  async send(v: i32): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return v * 10;
  }
}

const flaky = new Flaky();
const ports: StaticArray<Port> = [flaky, new Steady()];
const values: StaticArray<i32> = [3, -1, 4];

export const user = task(1, async (): Promise<void> => {
  for (let p = 0; p < 2; p++) {
    for (let i = 0; i < 3; i++) {
      try {
        log.infoInt("interface-throw sent", await ports[p].send(values[i]));
      } catch (e) {
        log.info((e as Error).message);
      }
    }
  }
  log.infoInt("interface-throw flaky sent", flaky.sent);
});

export function main(): void {
  user.spawn();
}
