// Parity program (test/parity/): a framed packet parser fed byte by byte
// through a Channel<u8>: an enum state machine, a XOR checksum, a payload
// copied into a preallocated StaticArray<u8>, and a switch on the state.
import { Timer, Duration, Channel, log, task } from "outpost";

enum St {
  Sync,
  Len,
  Body,
  Check,
}

const SOF: u8 = 0x7e;
const rx = new Channel<u8>(4, 4, "rx");
const wire: StaticArray<u8> = [
  0x11, 0x7e, 3, 1, 2, 3, 0,
  0x7e, 2, 0xaa, 0x55, 0xff,
  0x7e, 4, 0x10, 0x20, 0x30, 0x40, 0x40,
  0x7e, 0,
];
const payload = new Uint8Array(8);

export const uart = task(1, async (): Promise<void> => {
  for (const b of wire) {
    await rx.send(b);
    if ((b & 0x0f) == 0) await Timer.after(Duration.micros(250));
  }
});

export const parser = task(1, async (): Promise<void> => {
  let st = St.Sync;
  let len: i32 = 0;
  let got: i32 = 0;
  let sum: u8 = 0;
  let frames = 0;
  let bad = 0;
  while (frames + bad < 3) {
    const b = await rx.receive();
    switch (st) {
      case St.Sync:
        if (b == SOF) st = St.Len;
        else log.info(`frame-parser skip ${b.toString(16)}`);
        break;
      case St.Len:
        len = b;
        got = 0;
        sum = 0;
        st = len > 0 ? St.Body : St.Check;
        break;
      case St.Body:
        payload[got++] = b;
        sum = (sum ^ b) & 0xff;
        if (got == len) st = St.Check;
        break;
      case St.Check: {
        const ok = b == sum;
        let acc: i32 = 0;
        for (let i = 0; i < len; i++) acc = (acc << 8) | payload[i];
        if (ok) frames++;
        else bad++;
        log.info(`frame-parser frame len=${len} sum=${sum} ok=${ok} acc=${acc}`);
        st = St.Sync;
        break;
      }
    }
  }
  log.info(`frame-parser done frames=${frames} bad=${bad} left=${rx.len()}`);
});

export function main(): void {
  parser.spawn();
  uart.spawn();
}
