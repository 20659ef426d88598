// A HAL operation kept in a variable and awaited again once done gives the
// same result, as awaiting a settled promise does (test/hal/reawait.test.ts):
// a UART read awaited twice, and the timeout idiom that awaits the timed
// operation again through orThrow.
import { Duration, log, task, withTimeout } from "outpost";
import { Uart } from "outpost/hal";
import { orThrow } from "outpost/hal/io_error";
import { UART0 } from "outpost/board";

let uart!: Uart;
const buf = new StaticArray<u8>(8);

export const reader = task(1, async (): Promise<void> => {
  const r = uart.read(buf);
  const first = await r;
  const again = await r;
  log.info(`read ${first} then ${again}`);
  const t = withTimeout(Duration.millis(50), uart.read(buf));
  await t;
  if (t.timedOut) {
    log.info("timed out");
    return;
  }
  log.info(`timed read ${await orThrow(t.inner!)}`);
});

export function main(): void {
  uart = new Uart(UART0, 115200, "UART0");
  reader.spawn();
}
