// Parity program (test/parity/): a consumer drains a channel until a
// sentinel, summing what it took, while the producer waits for room.
import { Channel, Timer, Duration, log, task } from "outpost";

const ch = new Channel<i32>(2);

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 5; i++) {
    await ch.send(i);
    log.infoInt("sentinel-drain sent", i);
  }
  await ch.send(-1);
});

export const consumer = task(1, async (): Promise<void> => {
  let sum: i32 = 0;
  while (true) {
    const v = await ch.receive();
    if (v < 0) break;
    sum += v;
    await Timer.after(Duration.millis(3));
  }
  log.infoInt("sentinel-drain sum", sum);
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
