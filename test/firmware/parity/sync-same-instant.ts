// Parity program (test/parity/): a Signal, a Channel and a Mutex released
// at the same instant their waiter's timeout or select timer falls due:
// the one whose timer was set first wins, and nothing is lost or granted
// twice.
import { Timer, Duration, Signal, Channel, Mutex, select, withTimeout, log, task } from "outpost";

const sig = new Signal<i32>("sig");
const ch = new Channel<i32>(2, 4, "ch");
const lock = new Mutex(4, "lock");

export const waiter = task(1, async (): Promise<void> => {
  const a = await select(sig.wait(), Timer.after(Duration.millis(10)));
  log.infoInt("sync-same-instant signal select", a);
  log.infoInt("sync-same-instant signal later", await sig.wait());
  const b = await select(ch.receive(), Timer.after(Duration.millis(10)));
  log.infoInt("sync-same-instant channel select", b);
  log.infoInt("sync-same-instant channel later", await ch.receive());
  await Timer.after(Duration.millis(1));
  const t = withTimeout(Duration.millis(9), lock.lock());
  await t;
  log.infoInt("sync-same-instant lock timed out", t.timedOut ? 1 : 0);
  if (!t.timedOut) lock.unlock();
  await lock.lock();
  log.infoInt("sync-same-instant locked", 1);
  lock.unlock();
});

export const releaser = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(10));
  sig.signal(5);
  log.infoInt("sync-same-instant signalled", 5);
  await Timer.after(Duration.millis(10));
  await ch.send(6);
  log.infoInt("sync-same-instant sent", 6);
  await lock.lock();
  await Timer.after(Duration.millis(10));
  lock.unlock();
  log.infoInt("sync-same-instant unlocked", 1);
});

export function main(): void {
  waiter.spawn();
  releaser.spawn();
}
