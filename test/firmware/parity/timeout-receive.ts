// Parity program (test/parity/): withTimeout around a channel receive in a
// loop: a receive that times out takes nothing, and the value that comes
// later is received by the next round.
import { Timer, Duration, Channel, withTimeout, log, task } from "outpost";

const inbox = new Channel<i32>(2, 4, "inbox");

export const listener = task(1, async (): Promise<void> => {
  for (let i = 0; i < 6; i++) {
    const r = inbox.receive();
    const t = withTimeout(Duration.millis(4), r);
    await t;
    if (t.timedOut) log.infoInt("timeout-receive idle", i);
    else log.infoInt("timeout-receive got", r.value);
  }
  log.infoInt("timeout-receive left", inbox.len());
});

export const talker = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(6));
  await inbox.send(1);
  await inbox.send(2);
  await Timer.after(Duration.millis(9));
  await inbox.send(3);
});

export function main(): void {
  listener.spawn();
  talker.spawn();
}
