// Parity program (test/parity/): a send into a full channel that loses a
// select to a timer puts nothing in the channel; a later send, once there
// is room, is received in order.
import { Timer, Duration, Channel, select, log, task } from "outpost";

const ch = new Channel<i32>(1, 4, "ch");

export const sender = task(1, async (): Promise<void> => {
  await ch.send(1);
  const w = await select(ch.send(2), Timer.after(Duration.millis(3)));
  log.infoInt("channel-send-cancel select", w);
  log.infoInt("channel-send-cancel len", ch.len());
  await ch.send(3);
  log.infoInt("channel-send-cancel sent", 3);
});

export const receiver = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(10));
  log.infoInt("channel-send-cancel got", await ch.receive());
  log.infoInt("channel-send-cancel got", await ch.receive());
});

export function main(): void {
  sender.spawn();
  receiver.spawn();
}
