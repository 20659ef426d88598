// UART echo: every byte received on UART0 (115200 baud) is sent back,
// unchanged. Bytes lost because they came faster than they could be echoed
// are counted by the port (`uart.overruns`) and logged.
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
  log.info("uart-echo: UART0 at 115200 baud echoes what it receives");
  echo.spawn(new Uart(UART0, 115200, "UART0"));
}
