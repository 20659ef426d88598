// Parity program (test/parity/): async functions return nullable class
// values, bools, i64 and u64, and callers narrow, compare and combine
// them after awaits.
import { Timer, Duration, log, task } from "outpost";

class Record {
  constructor(public key: i32, public stamp: i64) {}
}

const table: StaticArray<Record> = [new Record(3, 3_000_000_000), new Record(7, 7_000_000_000), new Record(9, -5)];

async function find(key: i32): Promise<Record | null> {
  await Timer.after(Duration.millis(1));
  for (let i = 0; i < table.length; i++) {
    if (table[i].key == key) return table[i];
  }
  return null;
}

async function isFresh(r: Record | null, now: i64): Promise<bool> {
  await Timer.after(Duration.millis(1));
  if (r == null) return false;
  return now - r.stamp < 2_000_000_000;
}

async function age(r: Record, now: i64): Promise<i64> {
  await Timer.after(Duration.millis(1));
  return now - r.stamp;
}

async function mask(bits: i32): Promise<u64> {
  await Timer.after(Duration.millis(1));
  let m: u64 = 1;
  for (let i = 0; i < bits; i++) m = m * 2;
  return m - 1;
}

export const user = task(1, async (): Promise<void> => {
  const now: i64 = 8_000_000_000;
  for (let k = 3; k <= 9; k += 2) {
    const r = await find(k);
    if (r == null) {
      log.infoInt("nullable-results missing", k);
      continue;
    }
    const fresh = await isFresh(r, now);
    log.info(`nullable-results ${r.key} fresh=${fresh} age=${await age(r, now)}`);
  }
  const none = await find(4);
  log.info(`nullable-results none fresh=${await isFresh(none, now)} null=${none == null}`);
  const m = await mask(40);
  log.info(`nullable-results mask ${m} ${m > <u64>500_000_000_000}`);
});

export function main(): void {
  user.spawn();
}
