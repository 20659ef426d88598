// Parity program (test/parity/): three producers block on a full bounded
// channel and are let in one by one, in the order they started waiting, as
// a slow consumer makes room.
import { Timer, Duration, Channel, log, task } from "outpost";

const queue = new Channel<i32>(2, 4, "queue");

export const producer = task(3, async (id: i32, count: i32): Promise<void> => {
  for (let i = 0; i < count; i++) {
    await queue.send(id * 10 + i);
    log.infoInt("backpressure sent", id * 10 + i);
  }
  log.infoInt("backpressure producer done", id);
});

export const consumer = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(5));
  for (let n = 0; n < 7; n++) {
    const v = await queue.receive();
    log.infoInt("backpressure got", v);
    await Timer.after(Duration.millis(3));
  }
  log.infoInt("backpressure left", queue.len());
});

export function main(): void {
  producer.spawn(1, 3);
  producer.spawn(2, 2);
  producer.spawn(3, 2);
  consumer.spawn();
}
