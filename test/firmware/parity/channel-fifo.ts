// Parity program (test/parity/): a Channel hands values over in FIFO order;
// senders wait while it is full and receivers while it is empty, served
// oldest first, and a receive cancelled by a select takes nothing.
import { Timer, Duration, Channel, select, log, task } from "outpost";

const queue = new Channel<i32>(2);

export const producer = task(2, async (base: i32): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    await queue.send(base + i);
    log.infoInt("channel-fifo sent", base + i);
  }
});

export const consumer = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(5));
  for (let i = 0; i < 8; i++) {
    const v = await queue.receive();
    log.infoInt("channel-fifo received", v);
    await Timer.after(Duration.millis(2));
  }
  const r = queue.receive();
  const w = await select(r, Timer.after(Duration.millis(3)));
  log.infoInt("channel-fifo idle winner", w);
  await queue.send(99);
  log.infoInt("channel-fifo kept", await queue.receive());
});

export function main(): void {
  producer.spawn(10);
  producer.spawn(20);
  consumer.spawn();
}
