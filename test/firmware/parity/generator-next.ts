// Parity program (test/parity/): a sync generator walked by hand with
// next(), its result kept in a local across awaits (typed or not), gives
// each item, then the generator's return value with done, and its finally
// block runs as it ends.
import { Timer, Duration, log, task } from "outpost";

function* checksum(data: StaticArray<i32>): Generator<i32, i32> {
  let sum = 0;
  try {
    for (let i = 0; i < data.length; i++) {
      sum = (sum + data[i]) & 0xff;
      yield sum;
    }
    return sum ^ 0xff;
  } finally {
    log.infoInt("generator-next finally", sum);
  }
}

const packet: StaticArray<i32> = [0x10, 0x80, 0x7f, 0x33];
const short: StaticArray<i32> = [1, 2];

export const user = task(1, async (): Promise<void> => {
  const g = checksum(packet);
  let r = g.next();
  let n = 0;
  while (!r.done) {
    await Timer.after(Duration.millis(1));
    log.info(`generator-next partial ${n} = ${r.value.toString(16)}`);
    n++;
    r = g.next();
  }
  log.info(`generator-next checksum ${r.value.toString(16)} after ${n}`);

  const h = checksum(short);
  let s: IteratorResult<i32> = h.next();
  while (!s.done) {
    await Timer.after(Duration.millis(2));
    log.infoInt("generator-next short", s.value);
    s = h.next();
  }
  log.infoInt("generator-next short result", s.value);
});

export function main(): void {
  user.spawn();
}
