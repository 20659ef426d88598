// Parity program (test/parity/): a select3 over a channel receive, a signal
// wait and a timer that all become ready at the same instant picks by the
// order the wakes were armed, and a later select finds the leftovers ready.
import { Timer, Duration, Channel, Signal, select, select3, log, task } from "outpost";

const ch = new Channel<i32>(2, 4, "ties");
const sig = new Signal<i32>("ties");

export const producer = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await Timer.after(Duration.millis(5));
    await ch.send(i + 1);
    sig.signal(100 + i);
  }
});

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const r = ch.receive();
    const s = sig.wait();
    const t = Timer.after(Duration.millis(5 - i));
    const w = await select3(r, s, t);
    log.infoInt("select-ties winner", i * 10 + w);
    if (w == 0) log.infoInt("select-ties got", r.value);
    if (w == 1) log.infoInt("select-ties sig", s.value);
    const w2 = await select(sig.wait(), Timer.after(Duration.millis(1)));
    log.infoInt("select-ties second", w2);
  }
  log.infoInt("select-ties left", ch.tryReceive() ? 1 : 0);
});

export function main(): void {
  user.spawn();
  producer.spawn();
}
