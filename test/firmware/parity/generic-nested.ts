// Parity program (test/parity/): a generic class's generic async method
// uses both the class's and the method's type parameter across awaits.
import { Timer, Duration, log, task } from "outpost";

class Keeper<K> {
  constructor(public key: K) {}

  async tag<V>(v: V, ms: i32): Promise<K> {
    await Timer.after(Duration.millis(ms));
    log.infoInt("generic-nested waited", ms);
    return this.key;
  }
}

const k = new Keeper<i64>(42);
const b = new Keeper<bool>(true);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-nested a", await k.tag<i32>(1, 1));
  log.infoInt("generic-nested b", await k.tag<i64>(2, 2));
  log.infoInt("generic-nested c", (await b.tag<bool>(false, 1)) ? 1 : 0);
});

export function main(): void {
  user.spawn();
}
