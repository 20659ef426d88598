// Parity program (test/parity/): the oldest of two receivers gives up
// (its select loses) at the instant a value arrives; the value goes to the
// other receiver or stays in the channel, never lost.
import { Timer, Duration, Channel, select, log, task } from "outpost";

const ch = new Channel<i32>(2, 4, "ch");

export const first = task(1, async (): Promise<void> => {
  const r = ch.receive();
  const w = await select(r, Timer.after(Duration.millis(5)));
  log.infoInt("receive-cancel-pass first", w == 0 ? r.value : -1);
});

export const second = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  const v = await ch.receive();
  log.infoInt("receive-cancel-pass second", v);
  await Timer.after(Duration.millis(10));
  log.infoInt("receive-cancel-pass left", ch.len());
});

export const sender = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(5));
  await ch.send(42);
  log.infoInt("receive-cancel-pass sent", 42);
  await ch.send(43);
});

export function main(): void {
  first.spawn();
  second.spawn();
  sender.spawn();
}
