// Parity program (test/parity/): a generic async function and a generic
// class's async method with two type parameters, instantiated at several
// pairs of types.
import { Timer, Duration, log, task } from "outpost";

async function second<A, B>(a: A, b: B, ms: i32): Promise<B> {
  await Timer.after(Duration.millis(ms));
  return b;
}

class Pair<K, V> {
  constructor(public key: K, public value: V) {}

  async swapValue(v: V, k: K): Promise<V> {
    await Timer.after(Duration.millis(1));
    const old = this.value;
    this.value = v;
    this.key = k;
    return old;
  }
}

const p = new Pair<i32, i64>(1, 10);
const q = new Pair<bool, i32>(false, 3);

export const user = task(1, async (): Promise<void> => {
  log.infoInt("generic-pair i32-i64", await second<i32, i64>(1, 5_000_000_000, 2));
  log.infoInt("generic-pair bool-i32", await second<bool, i32>(true, 7, 1));
  const b = await second<i32, bool>(3, true, 1);
  log.infoInt("generic-pair i32-bool", b ? 1 : 0);
  log.infoInt("generic-pair old", await p.swapValue(20, 2));
  log.infoInt("generic-pair new", p.value + p.key);
  log.infoInt("generic-pair q old", await q.swapValue(4, true));
  log.infoInt("generic-pair q new", q.key ? q.value : -q.value);
});

export function main(): void {
  user.spawn();
}
