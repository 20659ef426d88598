// Parity program (test/parity/): an async function with parameters and
// locals of mixed types (i32, i64, u8, bool, a nullable object, constant
// strings, an enum) keeps every one of them across awaits inside nested
// loops, a switch and try/catch/finally, including after a caught throw.
import { Timer, Duration, Instant, log, task } from "outpost";

enum Mode {
  Low = 1,
  High = 4,
}

class Channel_ {
  constructor(public id: i32, public gain: i32) {}
}

class Glitch extends Error {
  constructor() {
    super("live-locals glitch");
  }
}

const chA = new Channel_(3, 2);
const chB = new Channel_(7, 5);

async function settle(us: i32, fail: bool): Promise<i32> {
  await Timer.after(Duration.micros(us));
  if (fail) throw new Glitch();
  return us;
}

async function scan(label: string, rounds: i32, base: i64, ch: Channel_ | null, verbose: bool, mode: Mode): Promise<i64> {
  let acc: i64 = base;
  let flags: u8 = 0;
  let errors: i32 = 0;
  let last: Channel_ | null = null;
  let tag = "start";
  const t0 = Instant.now();
  for (let r = 0; r < rounds; r++) {
    let inner: i32 = 0;
    for (let k = 0; k < 3; k++) {
      try {
        const got = await settle(100 * (k + 1), r == 1 && k == 2);
        inner += got;
        switch (k) {
          case 0:
            tag = "zero";
            flags |= 1;
            break;
          case 1:
            tag = "one";
            flags |= 2;
            last = ch;
            break;
          default:
            tag = "two";
            flags |= <u8>mode;
        }
      } catch (e) {
        errors++;
        tag = "caught";
        last = null;
        acc -= await settle(50, false);
      } finally {
        acc += k;
      }
      if (verbose) log.info(`${label} r=${r} k=${k} tag=${tag} inner=${inner} acc=${acc} flags=${flags}`);
    }
    acc += <i64>inner * (ch != null ? ch.gain : 1);
    await Timer.after(Duration.micros(10));
  }
  const g = last != null ? last.id : -1;
  log.info(`${label} done acc=${acc} errors=${errors} flags=${flags} last=${g} tag=${tag} mode=${mode} took=${Instant.now() - t0} verbose=${verbose} base=${base}`);
  return acc;
}

export const user = task(1, async (): Promise<void> => {
  const a = await scan("live-locals a", 2, 5_000_000_000, chA, true, Mode.High);
  const b = await scan("live-locals b", 3, -7, null, false, Mode.Low);
  const c = await scan("live-locals c", 1, 0, chB, false, Mode.Low);
  log.info(`live-locals total ${a + b + c}`);
});

export function main(): void {
  user.spawn();
}
