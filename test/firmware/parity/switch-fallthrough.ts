// Parity program (test/parity/): a protocol state machine whose switch cases await, fall through, throw, and leave the outer loop through a flag.
import { Timer, Duration, log, task } from "outpost";

const enum St { Idle, Sync, Header, Body, Done }

class FrameError extends Error {
  constructor() {
    super("switch-fallthrough bad frame");
  }
}

let rxIndex: i32 = 0;
const bytes: StaticArray<i32> = [0x7e, 3, 1, 2, 3, 0x7e, 9, 0x7e, 2, 5, 6];

async function nextByte(): Promise<i32> {
  await Timer.after(Duration.millis(1));
  if (rxIndex >= bytes.length) return -1;
  const b = bytes[rxIndex];
  rxIndex++;
  return b;
}

async function readFrame(): Promise<i32> {
  let st: St = St.Idle as St;
  let len: i32 = 0;
  let sum: i32 = 0;
  let done = false;
  while (!done) {
    switch (st) {
      case St.Idle:
        log.info("switch-fallthrough idle");
      case St.Sync: {
        const b = await nextByte();
        if (b < 0) return -1;
        if (b != 0x7e) break;
        st = St.Header;
      }
      case St.Header:
        len = await nextByte();
        if (len > 4) throw new FrameError();
        st = St.Body;
        break;
      case St.Body:
        for (let i = 0; i < len; i++) sum += await nextByte();
        st = St.Done;
        continue;
      default:
        done = true;
    }
    log.infoInt("switch-fallthrough state", st);
  }
  return sum;
}

export const user = task(1, async (): Promise<void> => {
  for (let f = 0; f < 4; f++) {
    try {
      log.infoInt("switch-fallthrough frame sum", await readFrame());
    } catch (e) {
      log.info((e as Error).message);
    }
  }
});

export function main(): void {
  user.spawn();
}
