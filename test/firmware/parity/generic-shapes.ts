// Parity program (test/parity/): generic async functions of other shapes:
// two type parameters, a default type argument, a StaticArray<T> indexed
// by an awaited value, a T | null parameter at a class type, and a
// generic class whose async method keeps T values across awaits.
import { Timer, Duration, log, task } from "outpost";

class Tag {
  constructor(public n: i32) {}
}

const t1 = new Tag(1);
const t2 = new Tag(2);
const tags: StaticArray<Tag> = [t1, t2];
const wides: StaticArray<i64> = [-4_000_000_000, 4_000_000_000];
const smalls: StaticArray<u16> = [65535, 1];

async function idx(i: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return i;
}

async function at<T>(arr: StaticArray<T>, i: i32): Promise<T> {
  return arr[await idx(i)];
}

async function pair<A, B>(a: A, b: B): Promise<B> {
  await Timer.after(Duration.millis(1));
  const keep: A = a;
  await Timer.after(Duration.millis(1));
  return keep === a ? b : b;
}

async function withDefault<T = i32>(v: T): Promise<T> {
  await Timer.after(Duration.millis(1));
  return v;
}

async function orElse<T>(v: T | null, d: T): Promise<T> {
  await Timer.after(Duration.millis(1));
  return v != null ? v : d;
}

class Latch<T> {
  constructor(public cur: T, public prev: T) {}
  async set(v: T): Promise<T> {
    const old = this.cur;
    await Timer.after(Duration.millis(1));
    this.prev = old;
    this.cur = v;
    return old;
  }
}

const wl = new Latch<i64>(1, 0);
const tl = new Latch<Tag>(t1, t1);

export const user = task(1, async (): Promise<void> => {
  log.info(`generic-shapes at ${(await at<Tag>(tags, 1)).n} ${await at<i64>(wides, 0)} ${await at<u16>(smalls, 0)}`);
  log.info(`generic-shapes pair ${await pair<Tag, i64>(t1, 9_000_000_000)} ${(await pair<i64, Tag>(5, t2)).n}`);
  log.info(`generic-shapes default ${await withDefault(42)} ${await withDefault<u8>(200)}`);
  log.info(`generic-shapes orElse ${(await orElse<Tag>(null, t2)).n} ${(await orElse<Tag>(t1, t2)).n}`);
  const o = await wl.set(7_000_000_000);
  await wl.set(-1);
  const p = await tl.set(t2);
  log.info(`generic-shapes latch ${o} ${wl.prev} ${wl.cur} ${p === t1} ${tl.cur.n}`);
});

export function main(): void {
  user.spawn();
}
