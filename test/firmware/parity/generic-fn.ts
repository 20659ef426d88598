// Parity program (test/parity/): a generic async function
// (`first<T>(ch: Channel<T>)`) is called with its type argument inferred
// (`const v = await first(ch)`), at two types.
import { Timer, Duration, Channel, log, task } from "outpost";

async function first<T>(ch: Channel<T>): Promise<T> {
  const v = await ch.receive();
  return v;
}

const numbers = new Channel<i32>(2);
const flags = new Channel<bool>(2);

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 3; i++) {
    await Timer.after(Duration.millis(4));
    await numbers.send(i * 11);
    await flags.send(i % 2 == 0);
  }
});

export const consumer = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    const n = await first(numbers);
    log.infoInt("generic-fn number", n);
    const f = await first(flags);
    log.infoInt("generic-fn flag", f ? 1 : 0);
  }
});

export function main(): void {
  producer.spawn();
  consumer.spawn();
}
