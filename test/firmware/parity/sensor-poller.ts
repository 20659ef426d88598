// Parity program (test/parity/): a sensor poller on absolute deadlines wraps
// each read in withTimeout, retries a timed-out read with a doubling
// back-off, keeps a running average in a class, and publishes each sample
// through a Signal to a logger task that formats it with template literals.
import { Timer, Duration, Instant, Signal, withTimeout, log, task } from "outpost";

class Probe {
  reads: i32 = 0;
  constructor(public addr: i32, private slowEvery: i32) {}
  async read(): Promise<i32> {
    this.reads++;
    const slow = this.reads % this.slowEvery == 0;
    await Timer.after(Duration.millis(slow ? 9 : 2));
    return this.addr * 16 + this.reads;
  }
}

class Average {
  sum: i64 = 0;
  n: i32 = 0;
  max: i32 = -1;
  add(v: i32): void {
    this.sum += v;
    this.n++;
    if (v > this.max) this.max = v;
  }
}

class Sample {
  value: i32 = 0;
  at: i64 = 0;
  retries: i32 = 0;
  ok: bool = false;
}

const probe = new Probe(0x4a, 3);
const avg = new Average();
const sample = new Sample();
const published = new Signal<i32>("published");
const PREFIX = "sensor-poller";

async function readWithRetry(tries: i32): Promise<bool> {
  let backoff: i64 = Duration.millis(1);
  for (let attempt = 0; attempt < tries; attempt++) {
    const r = probe.read();
    const t = withTimeout(Duration.millis(5), r);
    await t;
    if (!t.timedOut) {
      sample.value = r.value;
      sample.retries = attempt;
      return true;
    }
    log.info(`${PREFIX} timeout attempt=${attempt} backoff=${backoff}us`);
    await Timer.after(backoff);
    backoff *= 2;
  }
  sample.retries = tries;
  return false;
}

export const poller = task(1, async (): Promise<void> => {
  const start = Instant.now();
  let next = start;
  for (let i = 0; i < 6; i++) {
    next += Duration.millis(20);
    await Timer.at(next);
    sample.ok = await readWithRetry(2);
    sample.at = Instant.now() - start;
    if (sample.ok) avg.add(sample.value);
    published.signal(i);
  }
});

export const logger = task(1, async (): Promise<void> => {
  for (let seen = 0; seen < 6; seen++) {
    const i = await published.wait();
    log.info(`${PREFIX} #${i} t=${sample.at} ok=${sample.ok} v=0x${sample.value.toString(16)} retries=${sample.retries} n=${avg.n} sum=${avg.sum} max=${avg.max}`);
  }
  log.info(`${PREFIX} reads=${probe.reads} addr=${probe.addr.toString(2)}`);
});

export function main(): void {
  poller.spawn();
  logger.spawn();
}
