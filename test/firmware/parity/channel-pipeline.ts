// Parity program (test/parity/): a three-stage pipeline over two channels
// of capacity one (producer, doubler, printer) delivers every item in
// order, each stage waiting for room or for items.
import { Timer, Duration, Channel, log, task } from "outpost";

const raw = new Channel<i32>(1, 4, "raw");
const doubled = new Channel<i32>(1, 4, "doubled");

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 5; i++) {
    await raw.send(i);
    log.infoInt("channel-pipeline sent", i);
  }
  await raw.send(0);
});

export const doubler = task(1, async (): Promise<void> => {
  while (true) {
    const v = await raw.receive();
    await Timer.after(Duration.millis(3));
    await doubled.send(v * 2);
    if (v == 0) break;
  }
});

export const printer = task(1, async (): Promise<void> => {
  let v = await doubled.receive();
  while (v != 0) {
    log.infoInt("channel-pipeline printed", v);
    await Timer.after(Duration.millis(5));
    v = await doubled.receive();
  }
  log.infoInt("channel-pipeline end", 0);
});

export function main(): void {
  producer.spawn();
  doubler.spawn();
  printer.spawn();
}
