// Parity program (test/parity/): sync generators driven from async code: a
// generator over an object yields a blink pattern from its bitmask while the
// task awaits each step, a generator walked by hand with next() gives its return
// value, and breaking out of a nested for-of closes only the inner
// generator (its finally runs) while the outer one goes on.
import { Timer, Duration, log, task } from "outpost";

class Pattern {
  constructor(public bits: i32, public width: i32, public unitUs: i32) {}
}

// A generator method (`*steps()`) is refused by the build: a module-level generator takes the object.
function* steps(p: Pattern): Generator<i32> {
  let prev = -1;
  let run = 0;
  for (let i = p.width - 1; i >= 0; i--) {
    const bit = (p.bits >> i) & 1;
    if (bit == prev) {
      run++;
      continue;
    }
    if (prev >= 0) yield (prev << 8) | run;
    prev = bit;
    run = 1;
  }
  if (prev >= 0) yield (prev << 8) | run;
}

function* checksum(data: StaticArray<i32>): Generator<i32, i32> {
  let sum = 0;
  try {
    for (let i = 0; i < data.length; i++) {
      sum = (sum + data[i]) & 0xff;
      yield sum;
    }
    return sum ^ 0xff;
  } finally {
    log.infoInt("blink-patterns checksum finally", sum);
  }
}

function* rows(n: i32): Generator<i32> {
  try {
    for (let r = 0; r < n; r++) yield r;
  } finally {
    log.infoInt("blink-patterns rows closed", n);
  }
}

function* cols(r: i32): Generator<i32> {
  try {
    for (let c = 0; c < 4; c++) yield r * 4 + c;
  } finally {
    log.infoInt("blink-patterns cols closed", r);
  }
}

const sos = new Pattern(0b101010001110111011100010101, 27, 100);
const packet: StaticArray<i32> = [0x10, 0x80, 0x7f, 0x33];

export const user = task(1, async (): Promise<void> => {
  let lit: bool = false;
  let onUs: i64 = 0;
  for (const step of steps(sos)) {
    lit = (step >> 8) == 1;
    const len = step & 0xff;
    await Timer.after(Duration.micros(len * sos.unitUs));
    if (lit) onUs += len * sos.unitUs;
  }
  log.info(`blink-patterns sos on=${onUs}us last=${lit}`);

  const g = checksum(packet);
  let r = g.next();
  let n = 0;
  while (!r.done) {
    await Timer.after(Duration.millis(1));
    log.info(`blink-patterns partial ${n} = ${r.value.toString(16)}`);
    n++;
    r = g.next();
  }
  log.info(`blink-patterns checksum ${r.value.toString(16)} after ${n}`);

  let cells = 0;
  for (const row of rows(3)) {
    for (const cell of cols(row)) {
      await Timer.after(Duration.micros(250));
      cells++;
      if (cell == row * 5) break;
    }
    log.info(`blink-patterns row ${row} cells=${cells}`);
  }
});

export function main(): void {
  user.spawn();
}
