// Parity program (test/parity/): trySend and tryReceive do not jump the
// queue: while a blocked sender waits for room it was given, trySend from
// another task fails, and the values keep their order.
import { Timer, Duration, Channel, log, task } from "outpost";

const ch = new Channel<i32>(1, 4, "ch");

export const blocked = task(1, async (): Promise<void> => {
  await ch.send(1);
  await ch.send(2);
  log.infoInt("try-fairness blocked sent", 2);
});

export const taker = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  log.infoInt("try-fairness took", await ch.receive());
  log.infoInt("try-fairness try send", ch.trySend(99) ? 1 : 0);
  await Timer.after(Duration.millis(1));
  log.infoInt("try-fairness try receive", ch.tryReceive() ? 1 : 0);
  log.infoInt("try-fairness try send again", ch.trySend(3) ? 1 : 0);
  log.infoInt("try-fairness took", await ch.receive());
  log.infoInt("try-fairness left", ch.len());
});

export const sneaky = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  log.infoInt("try-fairness sneaky send", ch.trySend(50) ? 1 : 0);
});

export function main(): void {
  blocked.spawn();
  taker.spawn();
  sneaky.spawn();
}
