// Parity program (test/parity/): template text built from typed
// expressions around awaits: a timeout's t.inner!.value, a select's
// conditional pick, casts with `as`, a sync helper's and a getter's
// result, unary and update operators, and a conditional on a nullable.
import { Timer, Duration, select, withTimeout, log, task } from "outpost";

class Gauge {
  raw: u16 = 1000;
  get scaled(): u32 {
    return <u32>this.raw * 3;
  }
  async read(ms: i32): Promise<u16> {
    await Timer.after(Duration.millis(ms));
    this.raw += 1;
    return this.raw;
  }
}

function half(x: u16): u16 {
  return x - 1;
}

const g = new Gauge();
const none: Gauge | null = null;

export const user = task(1, async (): Promise<void> => {
  const t = withTimeout(Duration.millis(5), g.read(2));
  await t;
  log.info(`template-exprs inner ${t.inner!.value} ${t.timedOut}`);
  const a = g.read(3);
  const b = g.read(1);
  const w = await select(a, b);
  log.info(`template-exprs pick ${w == 0 ? a.value : b.value} ${w}`);
  let n: i32 = await g.read(1);
  log.info(`template-exprs as ${n as u32} ${<i64>n * 1000000} ${half(<u16>n)} ${g.scaled}`);
  log.info(`template-exprs unary ${-n} ${n++} ${++n} ${n > 1000 && n < 2000}`);
  const p = none != null ? none : g;
  await Timer.after(Duration.millis(1));
  log.info(`template-exprs nullable ${p.raw} ${(none != null ? none : g).scaled}`);
});

export function main(): void {
  user.spawn();
}
