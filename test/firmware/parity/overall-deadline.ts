// Parity program (test/parity/): an overall deadline timer made once and
// kept in a local is selected against each receive of a batch loop, losing
// several selects before it wins, the Node idiom of racing every step
// against one deadline promise.
import { Timer, Duration, Channel, select, log, task } from "outpost";

const ch = new Channel<i32>(2, 4, "batch");

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 10; i++) {
    await Timer.after(Duration.millis(i));
    await ch.send(i);
  }
});

export const consumer = task(1, async (): Promise<void> => {
  const deadline = Timer.after(Duration.millis(20));
  let got = 0;
  let sum = 0;
  while (true) {
    const w = await select(ch.receive(), deadline);
    if (w == 1) break;
    got++;
    sum += ch.isEmpty() ? 1 : 0;
    log.infoInt("overall-deadline got", got);
  }
  log.info(`overall-deadline deadline hit after ${got} sum=${sum}`);
  const d2 = Timer.after(Duration.millis(5));
  await Timer.after(Duration.millis(7));
  const w2 = await select(ch.receive(), d2);
  log.infoInt("overall-deadline second select winner", w2);
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
