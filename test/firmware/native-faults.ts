// For the native and cross-host tests (test/native/, test/conformance/): a
// slow reader on the console UART. Task "reader" takes one byte every
// 20 ms, so input faster than that overruns the RX FIFO, and each byte asks
// for one thing:
//   '.'  nothing (input filler)        'p'  abort(): an ABORT panic with file and line
//   'd'  divide by zero: a trap        'o'  a load far outside memory: a trap
//   'u'  unreachable: a trap           's'  log the overruns counted so far
// Overruns are logged as they are reported ("reader: overrun, lost so far: N").
import { Duration, Timer, log, task } from "outpost";
import { Uart } from "outpost/hal";
import { UART0 } from "outpost/board";

const one = new StaticArray<u8>(1);
const pause = new Timer();
let zero: i32 = 0;

function act(byte: u8): void {
  if (byte == 0x70) abort("stopped on request");
  if (byte == 0x64) log.infoInt("reader: quotient", 100 / zero);
  if (byte == 0x6f) log.infoInt("reader: far away", load<u32>(0x7fff_fff0)); // outside any memory a board backs
  if (byte == 0x75) unreachable();
}

export const reader = task(1, async (uart: Uart): Promise<void> => {
  while (true) {
    await pause.after(Duration.millis(20));
    const n: i32 = await uart.read(one);
    if (n < 0) {
      log.infoInt("reader: overrun, lost so far:", uart.overruns);
      continue;
    }
    if (one[0] == 0x73) log.infoInt("reader: overruns so far:", uart.overruns);
    act(one[0]);
  }
});

export function main(): void {
  log.info("native-faults: one byte every 20 ms");
  reader.spawn(new Uart(UART0, 115200, "UART0"));
}
