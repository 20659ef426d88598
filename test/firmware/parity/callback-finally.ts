// Parity program (test/parity/): a helper that calls an async callback
// inside try/finally releases what it holds when the callback throws, and
// the error reaches the helper's caller.
import { Timer, Duration, log, task } from "outpost";

class Bus {
  held: bool = false;
}
const bus = new Bus();

async function withBus(work: (n: i32) => Promise<i32>, n: i32): Promise<i32> {
  bus.held = true;
  try {
    return await work(n);
  } finally {
    await Timer.after(Duration.millis(1));
    bus.held = false;
    log.infoInt("callback-finally released", n);
  }
}

async function transfer(n: i32): Promise<i32> {
  await Timer.after(Duration.millis(2));
  if (n > 1) throw new Error("callback-finally transfer failed");
  return n * 7;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("callback-finally ok", await withBus(transfer, 1));
  try {
    await withBus(transfer, 2);
  } catch (e) {
    log.info((e as Error).message);
    log.infoInt("callback-finally held", bus.held ? 1 : 0);
  }
});

export function main(): void {
  user.spawn();
}
