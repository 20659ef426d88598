// Parity program (test/parity/): the futures of two receives from a
// one-consumer channel, each awaited in turn and kept in locals, still
// hold their own values when both are read at the end.
import { Timer, Duration, Channel, log, task } from "outpost";

const inbox = new Channel<i32>(2, 1, "inbox");

export const consumer = task(1, async (): Promise<void> => {
  const first = inbox.receive();
  await first;
  const second = inbox.receive();
  await second;
  log.infoInt("receive-kept first", first.value);
  log.infoInt("receive-kept second", second.value);
  log.infoInt("receive-kept sum", first.value + second.value);
});

export const producer = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  await inbox.send(10);
  await Timer.after(Duration.millis(1));
  await inbox.send(20);
});

export function main(): void {
  consumer.spawn();
  producer.spawn();
}
