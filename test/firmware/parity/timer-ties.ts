// Parity program (test/parity/): selects over timers, a signal and a
// channel made ready by another task at the same instant pick the first
// listed among those ready, whichever order the timers were made in.
import { Timer, Duration, Channel, Signal, select, select3, log, task } from "outpost";

const sig = new Signal<i32>("tt");
const ch = new Channel<i32>(1, 4, "tt");

export const poker = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(4));
  sig.signal(1);
  ch.trySend(2);
  await Timer.after(Duration.millis(4));
  ch.trySend(3);
  sig.signal(4);
});

export const user = task(1, async (): Promise<void> => {
  const late = Timer.after(Duration.millis(2));
  const early = Timer.after(Duration.millis(2));
  log.infoInt("timer-ties two timers", await select(early, late));
  await Timer.after(Duration.millis(2));
  log.infoInt("timer-ties ready both", await select(ch.receive(), sig.wait()));
  log.infoInt("timer-ties leftover", await select(Timer.after(Duration.millis(0)), sig.wait()));
  const w = await select3(Timer.after(Duration.millis(4)), sig.wait(), ch.receive());
  log.infoInt("timer-ties three", w);
  log.infoInt("timer-ties rest", await select(sig.wait(), ch.receive()));
});

export function main(): void {
  poker.spawn();
  user.spawn();
}
