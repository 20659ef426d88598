// Parity program (test/parity/): a loop selecting between a channel receive
// and a heartbeat timer handles events as they come and beats when idle,
// reading the winner's value only when the receive won.
import { Timer, Duration, Channel, select, log, task } from "outpost";

const events = new Channel<i32>(4, 4, "events");

export const monitor = task(1, async (): Promise<void> => {
  let beats = 0;
  let handled = 0;
  while (handled < 4) {
    const ev = events.receive();
    const w = await select(ev, Timer.after(Duration.millis(5)));
    if (w == 0) {
      handled++;
      log.infoInt("heartbeat-select event", ev.value);
      await Timer.after(Duration.millis(1));
    } else {
      beats++;
      log.infoInt("heartbeat-select beat", beats);
    }
  }
  log.infoInt("heartbeat-select done", beats * 10 + handled);
});

export const source = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(7));
  await events.send(70);
  await events.send(71);
  await Timer.after(Duration.millis(13));
  await events.send(200);
  await Timer.after(Duration.millis(5));
  await events.send(250);
});

export function main(): void {
  monitor.spawn();
  source.spawn();
}
