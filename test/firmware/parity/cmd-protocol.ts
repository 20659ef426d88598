// Parity program (test/parity/): a line-oriented command protocol: an async
// generator parses bytes from a Channel into commands, a `for await` loop
// dispatches each with a switch to async handlers, and a handler's custom
// error is caught per command while the stream goes on.
import { Timer, Duration, Channel, log, task } from "outpost";

class CmdError extends Error {
  constructor(public code: i32) {
    super("cmd-protocol command failed");
  }
}

class RangeErr extends CmdError {
  constructor() {
    super(22);
  }
}

const E_UNKNOWN = new CmdError(0);
const rx = new Channel<i32>(8, 4, "rx");
const script: StaticArray<i32> = [
  76, 49, 10, // L1
  82, 51, 10, // R3
  82, 57, 10, // R9 (out of range)
  88, 10, // X (unknown)
  76, 48, 10, // L0
  80, 10, // P
  81, 10, // Q (quit)
  76, 53, 10, // never read
];

let led: bool = false;
const regs: StaticArray<i32> = [5, 10, 15, 20, 25, 30, 35, 40];

async function* commands(): AsyncGenerator<i32> {
  let op: i32 = 0;
  let arg: i32 = 0;
  let lines: i32 = 0;
  try {
    while (true) {
      const b = await rx.receive();
      if (b == 10) {
        lines++;
        yield (op << 16) | arg;
        op = 0;
        arg = 0;
      } else if (op == 0) {
        op = b;
      } else {
        arg = arg * 10 + (b - 48);
      }
    }
  } finally {
    log.info(`cmd-protocol parser closed after ${lines} lines, op=${op}`);
  }
}

async function setLed(on: bool): Promise<void> {
  await Timer.after(Duration.millis(1));
  led = on;
  log.info(`cmd-protocol led ${led}`);
}

async function readReg(n: i32): Promise<i32> {
  await Timer.after(Duration.micros(300));
  if (n > 7) throw new RangeErr();
  return regs[n];
}

async function ping(): Promise<i32> {
  await Timer.after(Duration.micros(50));
  return 0x7e;
}

export const parser = task(1, async (): Promise<void> => {
  let handled = 0;
  let failed = 0;
  for await (const cmd of commands()) {
    const op = cmd >> 16;
    const arg = cmd & 0xffff;
    try {
      switch (op) {
        case 76:
          await setLed(arg != 0);
          break;
        case 82: {
          const v = await readReg(arg);
          log.info(`cmd-protocol reg ${arg} = ${v} (0x${v.toString(16)})`);
          break;
        }
        case 80:
          log.info(`cmd-protocol pong ${(await ping()).toString(16)}`);
          break;
        case 81:
          log.infoInt("cmd-protocol quit after", handled);
          break;
        default:
          E_UNKNOWN.code = op;
          throw E_UNKNOWN;
      }
      handled++;
      if (op == 81) break;
    } catch (e) {
      failed++;
      if (e instanceof RangeErr) log.info(`cmd-protocol range error ${(e as CmdError).code} for ${arg}`);
      else if (e instanceof CmdError) log.info(`cmd-protocol unknown op ${(e as CmdError).code}`);
      else log.info("cmd-protocol other");
    }
  }
  await Timer.after(Duration.millis(5));
  log.info(`cmd-protocol done handled=${handled} failed=${failed} led=${led} left=${rx.len()}`);
});

export const uart = task(1, async (): Promise<void> => {
  for (let i = 0; i < script.length; i++) {
    await rx.send(script[i]);
    if (script[i] == 10) await Timer.after(Duration.millis(2));
  }
});

export function main(): void {
  parser.spawn();
  uart.spawn();
}
