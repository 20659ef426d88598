// Parity program (test/parity/): a three-stage pipeline of tasks spawned
// with their channels as arguments, with backpressure from small channels,
// a filter that drops values, a sentinel that shuts each stage down in
// turn, and finally blocks that log each stage's cleanup.
import { Timer, Duration, Channel, log, task } from "outpost";

const SENTINEL: i32 = -1;
const raw = new Channel<i32>(2, 4, "raw");
const scaled = new Channel<i32>(1, 4, "scaled");
const batched = new Channel<i64>(2, 4, "batched");

class Stats {
  produced: i32 = 0;
  dropped: i32 = 0;
  batches: i32 = 0;
}
const stats = new Stats();

async function forward(out: Channel<i32>, v: i32, ms: i32): Promise<void> {
  await Timer.after(Duration.millis(ms));
  await out.send(v);
}

export const source = task(1, async (n: i32): Promise<void> => {
  try {
    for (let i = 1; i <= n; i++) {
      await raw.send(i * 3);
      stats.produced++;
      log.info(`stage-pipeline sent ${i * 3} raw=${raw.len()}`);
    }
  } finally {
    await raw.send(SENTINEL);
    log.info(`stage-pipeline source closed after ${stats.produced}`);
  }
});

export const filter = task(1, async (input: Channel<i32>, out: Channel<i32>, factor: i32): Promise<void> => {
  let passed = 0;
  try {
    while (true) {
      const v = await input.receive();
      if (v == SENTINEL) break;
      if ((v & 1) == 1) {
        stats.dropped++;
        continue;
      }
      await forward(out, v * factor, 2);
      passed++;
    }
  } finally {
    await out.send(SENTINEL);
    log.info(`stage-pipeline filter closed passed=${passed} dropped=${stats.dropped}`);
  }
});

export const batcher = task(1, async (size: i32): Promise<void> => {
  let acc: i64 = 0;
  let count = 0;
  try {
    for (;;) {
      const v = await scaled.receive();
      if (v == SENTINEL) return;
      acc = acc * 1000 + v;
      if (++count == size) {
        await batched.send(acc);
        stats.batches++;
        acc = 0;
        count = 0;
      }
    }
  } finally {
    if (count > 0) await batched.send(acc);
    await batched.send(<i64>SENTINEL);
    log.info(`stage-pipeline batcher closed count=${count} acc=${acc}`);
  }
});

export const sink = task(1, async (): Promise<void> => {
  let total: i64 = 0;
  let got = 0;
  while (true) {
    await Timer.after(Duration.millis(5));
    const b = await batched.receive();
    if (b == <i64>SENTINEL) break;
    got++;
    total += b;
    log.info(`stage-pipeline batch ${b}`);
  }
  log.info(`stage-pipeline sink got=${got} total=${total} batches=${stats.batches}`);
});

export function main(): void {
  source.spawn(7);
  filter.spawn(raw, scaled, 10);
  batcher.spawn(2);
  sink.spawn();
}
