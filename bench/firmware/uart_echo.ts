/**
 * UART throughput benchmark firmware: examples/uart-echo at 1,000,000 baud
 * (the example runs at 115200). Every byte received on UART0 is written
 * back; bench/uart.bench.ts streams bytes in back to back and times the echo.
 */
import { log, task } from "outpost";
import { Uart, WriteAll } from "outpost/hal";
import { UART0 } from "outpost/board";

const buf = new StaticArray<u8>(32);
const writeAll = new WriteAll();

export const echo = task(1, async (uart: Uart): Promise<void> => {
  while (true) {
    const n: i32 = await uart.read(buf); // ≥ 1 bytes, or a negative ErrorKind
    if (n < 0) {
      log.infoInt("uart-echo: bytes lost to overrun so far:", uart.overruns);
      continue;
    }
    await writeAll.arm(uart, buf, 0, n);
  }
});

export function main(): void {
  echo.spawn(new Uart(UART0, 1_000_000, "UART0"));
}
