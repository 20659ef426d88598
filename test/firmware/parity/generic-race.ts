// Parity program (test/parity/): a generic async function that selects
// between two receives at its type parameter and returns the winner's
// .value, at i64 and a class type, and an async method that joins two
// calls of its own object's method and adds their values.
import { Timer, Duration, Channel, select, join, log, task } from "outpost";

class Msg {
  constructor(public code: i32) {}
}

const m1 = new Msg(11);
const m2 = new Msg(22);
const wa = new Channel<i64>(2, 4, "wa");
const wb = new Channel<i64>(2, 4, "wb");
const ma = new Channel<Msg>(2, 4, "ma");
const mb = new Channel<Msg>(2, 4, "mb");

async function race<T>(a: Channel<T>, b: Channel<T>): Promise<T> {
  const x = a.receive();
  const y = b.receive();
  const w = await select(x, y);
  await Timer.after(Duration.millis(1));
  return w == 0 ? x.value : y.value;
}

class Adder {
  base: i64 = 1_000_000_000_000;
  async part(n: i32): Promise<i64> {
    await Timer.after(Duration.millis(n));
    return this.base * <i64>n;
  }
  async both(): Promise<i64> {
    const a = this.part(1);
    const b = this.part(2);
    await join(a, b);
    return a.value + b.value;
  }
}

const adder = new Adder();

export const consumer = task(1, async (): Promise<void> => {
  for (let i = 0; i < 2; i++) log.info(`generic-race wide ${await race<i64>(wa, wb)}`);
  for (let i = 0; i < 2; i++) {
    const m = await race<Msg>(ma, mb);
    log.info(`generic-race msg ${m.code} first=${m === m1}`);
  }
  log.info(`generic-race both ${await adder.both()}`);
});

export const producer = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  await wb.send(-5_000_000_000);
  await Timer.after(Duration.millis(3));
  await wa.send(6_000_000_000);
  await Timer.after(Duration.millis(3));
  await mb.send(m2);
  await Timer.after(Duration.millis(3));
  await ma.send(m1);
});

export function main(): void {
  consumer.spawn();
  producer.spawn();
}
