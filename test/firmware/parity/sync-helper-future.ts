// Parity program (test/parity/): a sync helper that returns a future kept
// by its object (`pause(): Timer`, `next(): ChannelReceive`) is awaited in a
// loop like any async call.
import { Timer, Duration, Channel, log, task } from "outpost";

const ch = new Channel<i32>(2, 4, "ch");

function take(): Promise<i32> {
  return ch.receive();
}

export const consumer = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) log.infoInt("sync-helper-future took", await take());
});

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 3; i++) {
    await Timer.after(Duration.millis(i));
    await ch.send(i * 11);
  }
});

export function main(): void {
  consumer.spawn();
  producer.spawn();
}
