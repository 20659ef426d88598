// Parity program (test/parity/): three tasks from one pool pass a token
// round a ring of Signals, each waiting a different time or yielding before
// passing it on, with exact timestamps at every hop.
import { Timer, Duration, Signal, Yield, log, task } from "outpost";

const hop0 = new Signal<i32>("hop0");
const hop1 = new Signal<i32>("hop1");
const hop2 = new Signal<i32>("hop2");
const ring: StaticArray<Signal<i32>> = [hop0, hop1, hop2];

export const node = task(3, async (id: i32, rounds: i32): Promise<void> => {
  const inbox = ring[id];
  const next = ring[(id + 1) % 3];
  for (let r = 0; r < rounds; r++) {
    const token = await inbox.wait();
    log.infoInt("signal-ring got", id * 1000 + token);
    if (id == 1) await Yield.now();
    else await Timer.after(Duration.millis(id + 1));
    next.signal(token + 1);
  }
  log.infoInt("signal-ring done", id);
});

export function main(): void {
  node.spawn(0, 3);
  node.spawn(1, 3);
  node.spawn(2, 3);
  hop0.signal(0);
}
