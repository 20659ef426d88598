// Test firmware for test/lower/streams.test.ts: `for await` over HAL
// streams: the bytes of UART0 (ByteStream), the items of a Channel
// (ChannelStream) until it is closed, and a stream written with async
// syntax in the consumer (a Stream parameter: dynamic dispatch).
import { Timer, Duration, Channel, log, task } from "outpost";
import { Uart, ByteStream, ChannelStream, Stream } from "outpost/hal";
import { UART0 } from "outpost/board";

const channel = new Channel<i32>(2);
const items = new ChannelStream<i32>(channel);
let bytes!: ByteStream;

/** Logs bytes until it sees 'q'; a break leaves the loop. */
export const echo = task(1, async (): Promise<void> => {
  let count = 0;
  for await (const b of bytes) {
    count++;
    log.infoInt("byte", b);
    if (b == 0x71) break;
    if (b == 0x20) continue;
    await Timer.after(Duration.millis(1));
    log.infoInt("after", b);
  }
  log.infoInt("echo done", count);
});

async function sum(s: Stream<i32>): Promise<i32> {
  let total = 0;
  for await (const v of s) {
    log.infoInt("item", v);
    total += v;
  }
  return total;
}

export const consumer = task(1, async (): Promise<void> => {
  log.infoInt("sum", await sum(items));
});

export const producer = task(1, async (): Promise<void> => {
  for (let i = 1; i <= 3; i++) {
    await Timer.after(Duration.millis(2));
    await channel.send(i * 10);
  }
  items.close();
});

export function main(): void {
  bytes = new ByteStream(new Uart(UART0, 115200, "UART0"));
  echo.spawn();
  consumer.spawn();
  producer.spawn();
}
