// Parity program (test/parity/): a receive future made before a call that
// throws is never awaited; doing that in a loop more times than the
// channel has waiters leaves the channel usable and takes no value.
import { Timer, Duration, Channel, log, task } from "outpost";

const inbox = new Channel<i32>(4, 2, "inbox");

async function check(i: i32): Promise<void> {
  await Timer.after(Duration.millis(1));
  if (i < 3) throw new Error("not ready");
}

export const consumer = task(1, async (): Promise<void> => {
  for (let i = 0; i < 4; i++) {
    try {
      const r = inbox.receive();
      await check(i);
      log.infoInt("receive-skipped got", await r);
    } catch (e) {
      log.infoInt("receive-skipped skipped", i);
    }
  }
  log.infoInt("receive-skipped left", inbox.len());
});

export const producer = task(1, async (): Promise<void> => {
  await inbox.send(7);
  await inbox.send(8);
});

export function main(): void {
  consumer.spawn();
  producer.spawn();
}
