// Parity program (test/parity/): an event loop selects between a channel's
// next message and a heartbeat timer in each turn, including messages that
// arrive at the instant the heartbeat falls due.
import { Timer, Duration, Channel, select, log, task } from "outpost";

const inbox = new Channel<i32>(4, 4, "inbox");

export const loop = task(1, async (): Promise<void> => {
  let beats = 0;
  let handled = 0;
  while (handled < 5) {
    const r = inbox.receive();
    const w = await select(r, Timer.after(Duration.millis(10)));
    if (w == 0) {
      handled++;
      log.infoInt("event-loop message", r.value);
    } else {
      beats++;
      log.infoInt("event-loop beat", beats);
    }
  }
  log.infoInt("event-loop left", inbox.len());
});

export const sender = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(3));
  await inbox.send(1);
  await Timer.after(Duration.millis(10));
  await inbox.send(2);
  await Timer.after(Duration.millis(17));
  await inbox.send(3);
  await inbox.send(4);
  await Timer.after(Duration.millis(25));
  await inbox.send(5);
  await inbox.send(6);
});

export function main(): void {
  loop.spawn();
  sender.spawn();
}
