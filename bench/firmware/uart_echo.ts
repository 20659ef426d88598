/**
 * UART throughput benchmark firmware: the echo task of examples/uart-echo,
 * spawned on a port at 1,000,000 baud (the example uses 115200).
 * bench/uart.bench.ts streams bytes in back to back and times the echo.
 */
import { Uart } from "outpost/hal";
import { UART0 } from "outpost/board";
import { echo } from "../../examples/uart-echo/main";

export function main(): void {
  echo.spawn(new Uart(UART0, 1_000_000, "UART0"));
}
