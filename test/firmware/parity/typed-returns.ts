// Parity program (test/parity/): async methods return i64, bool, u32,
// enum, constant strings, a nullable object and an object made at init by
// reference, and each value is used after the await as its type says.
import { Timer, Duration, log, task } from "outpost";

enum Mode {
  Idle = 3,
  Busy = 5,
}

class Slot {
  constructor(public id: i32) {}
}

const slotA = new Slot(11);
const slotB = new Slot(22);

class Store {
  private async tick(): Promise<void> {
    await Timer.after(Duration.millis(1));
  }
  async wide(n: i32): Promise<i64> {
    await this.tick();
    return <i64>n * 3_000_000_000;
  }
  async even(n: i32): Promise<bool> {
    await this.tick();
    return n % 2 == 0;
  }
  async unsigned(n: i32): Promise<u32> {
    await this.tick();
    return <u32>n + 4_000_000_000;
  }
  async mode(n: i32): Promise<Mode> {
    await this.tick();
    return n > 1 ? Mode.Busy : Mode.Idle;
  }
  async label(n: i32): Promise<string> {
    await this.tick();
    if (n == 0) return "zero";
    return n > 1 ? "many" : "one";
  }
  async find(n: i32): Promise<Slot | null> {
    await this.tick();
    if (n == 1) return slotA;
    if (n == 2) return slotB;
    return null;
  }
}

const store = new Store();

export const user = task(1, async (): Promise<void> => {
  for (let n = 0; n < 3; n++) {
    const w = await store.wide(n);
    log.infoInt("typed-returns wide", w + 1);
    if (await store.even(n)) log.infoInt("typed-returns even", n);
    const u = await store.unsigned(n);
    log.info(`typed-returns unsigned ${u} ${u > 4_000_000_000 ? "big" : "base"}`);
    const m = await store.mode(n);
    log.infoInt("typed-returns mode", m == Mode.Busy ? 50 + <i32>m : <i32>m);
    log.info(`typed-returns label ${await store.label(n)}`);
    const s = await store.find(n);
    if (s == null) log.infoInt("typed-returns none", n);
    else {
      s.id += 1;
      log.infoInt("typed-returns slot", s.id);
    }
  }
  log.infoInt("typed-returns same", slotA.id * 100 + slotB.id);
});

export function main(): void {
  user.spawn();
}
