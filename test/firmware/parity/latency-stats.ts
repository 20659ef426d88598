// Parity program (test/parity/): i64 timestamps sent through a
// Channel<i64> and latency statistics (min, max, sum, late count) kept in
// Instant/Duration-typed locals across awaits, with deadline comparisons.
import { Timer, Duration, Instant, Channel, log, task } from "outpost";

const stamps = new Channel<i64>(2, 4, "stamps");
const gaps: StaticArray<i32> = [1, 4, 2, 7, 3, 3];

export const producer = task(1, async (): Promise<void> => {
  for (const g of gaps) {
    await Timer.after(Duration.millis(g));
    await stamps.send(Instant.now());
  }
  await stamps.send(-1);
});

export const consumer = task(1, async (): Promise<void> => {
  const start: Instant = Instant.now();
  let worst: Duration = 0;
  let best = Duration.seconds(10);
  let sum: i64 = 0;
  let late = 0;
  let n = 0;
  const budget = Duration.millis(3);
  while (true) {
    const t = await stamps.receive();
    if (t < 0) break;
    await Timer.after(Duration.micros(2500));
    const lat = Instant.now() - t;
    if (lat > worst) worst = lat;
    if (lat < best) best = lat;
    sum += lat;
    n++;
    if (lat > budget) late++;
    const deadline = t + budget;
    log.info(`latency-stats got ${t} lat=${lat} late=${Instant.now() > deadline} since=${Instant.now() - start}`);
  }
  log.info(`latency-stats n=${n} best=${best} worst=${worst} sum=${sum} late=${late}`);
});

export function main(): void {
  consumer.spawn();
  producer.spawn();
}
