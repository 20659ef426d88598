// Parity program (test/parity/): generic async calls as branches of a
// select and a join, at two types, with the winner's value read after.
import { Timer, Duration, Channel, select, join, log, task } from "outpost";

const ints = new Channel<i32>(2, 4, "ints");
const wides = new Channel<i64>(2, 4, "wides");

async function take<T>(ch: Channel<T>): Promise<T> {
  return await ch.receive();
}

export const user = task(1, async (): Promise<void> => {
  const a = take<i32>(ints);
  const w = await select(a, Timer.after(Duration.millis(5)));
  log.infoInt("generic-select first", w == 0 ? a.value : -1);
  const b = take<i32>(ints);
  const c = take<i64>(wides);
  await join(b, c);
  log.infoInt("generic-select joined", <i64>b.value + c.value);
});

export const feeder = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(2));
  await ints.send(7);
  await Timer.after(Duration.millis(2));
  await wides.send(9_000_000_000);
  await ints.send(8);
});

export function main(): void {
  user.spawn();
  feeder.spawn();
}
