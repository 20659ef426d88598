// Test firmware for test/hal/errors.test.ts: the HAL's errors both ways, and
// a UART frame whose write is cancelled half way.
//
//   reader  reads UART0 one byte at a time, slowly (2 ms between reads), with
//           orThrow: logs "read <byte>" per byte and "caught <name>" for an
//           IoError, then goes on reading
//   framer  on UART1: sends an 80-byte frame raced against a 1 ms timer; the
//           frame's cleanup ends a cut frame with "!\n" and flushes it, so
//           the receiver sees where it stopped; logs "winner <i>" when the
//           select completes, after that cleanup
import { Timer, Duration, select, log, task } from "outpost";
import { Uart, errorName } from "outpost/hal";
import { IoError, orThrow } from "outpost/hal/io_error";
import { UART0, UART1 } from "outpost/board";

const one = new StaticArray<u8>(1);
const frame = new StaticArray<u8>(80);
const abort = new StaticArray<u8>(2);

async function writeAll(uart: Uart, buf: StaticArray<u8>): Promise<void> {
  let at = 0;
  while (at < buf.length) at += await orThrow(uart.write(buf, at));
}

/** Writes `frame`; if cancelled before the last byte is accepted, ends it with "!\n" on the wire. */
async function sendFrame(uart: Uart): Promise<void> {
  let done = false;
  try {
    await writeAll(uart, frame);
    done = true;
  } finally {
    if (!done) {
      await writeAll(uart, abort);
      await uart.flush();
      log.info("frame aborted");
    }
  }
}

export const reader = task(1, async (uart: Uart): Promise<void> => {
  while (true) {
    try {
      await orThrow(uart.read(one));
      log.infoInt("read", one[0]);
    } catch (e) {
      if (e instanceof IoError) log.info(`caught ${errorName((e as IoError).kind)}`);
      else throw e;
    }
    await Timer.after(Duration.millis(2));
  }
});

export const framer = task(1, async (uart: Uart): Promise<void> => {
  const winner = await select(sendFrame(uart), Timer.after(Duration.millis(1)));
  log.infoInt("winner", winner);
});

export function main(): void {
  for (let i = 0; i < frame.length; i++) frame[i] = <u8>(0x41 + (i % 26));
  abort[0] = 0x21;
  abort[1] = 0x0a;
  reader.spawn(new Uart(UART0, 115200, "UART0"));
  framer.spawn(new Uart(UART1, 115200, "UART1"));
}
