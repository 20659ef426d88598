// Parity program (test/parity/): a future returned unawaited from an
// overridden async method (`return this.raw()`, reaching the subclass's
// override) and from a generic async function (`return take<T>(ch)`) gives
// the value of the call it hands on.
import { Timer, Duration, Channel, log, task } from "outpost";

class Probe {
  async raw(): Promise<i32> {
    await Timer.after(Duration.millis(1));
    return 1;
  }
  async read(): Promise<i32> {
    return this.raw();
  }
}

class Doubler extends Probe {
  override async raw(): Promise<i32> {
    await Timer.after(Duration.millis(2));
    return 2;
  }
}

const probes: StaticArray<Probe> = [new Probe(), new Doubler()];
const ch = new Channel<i64>(2, 4, "ch");

async function take<T>(c: Channel<T>): Promise<T> {
  return await c.receive();
}

async function forward<T>(c: Channel<T>): Promise<T> {
  return take<T>(c);
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) log.infoInt("return-future-dispatch read", await probes[i].read());
  log.infoInt("return-future-dispatch forwarded", await forward<i64>(ch));
});

export const feeder = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(4));
  await ch.send(6_000_000_000);
});

export function main(): void {
  user.spawn();
  feeder.spawn();
}
