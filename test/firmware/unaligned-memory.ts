// Memory at any address, as WebAssembly allows it (test/espruino/unaligned.test.ts): explicit loads and stores at
// odd offsets, a DataView over a packet at odd offsets, and 16-bit fields across a carry and a borrow.
import { Timer, Duration, log, task } from "outpost";

const bytes = new StaticArray<u8>(16);
const packet = new Uint8Array(12);
const view = new DataView(packet.buffer);

class Counters {
  up: u16 = 255;
  down: i16 = 256;
}
const counters = new Counters();

async function offsetAfter(v: i32): Promise<i32> {
  await Timer.after(Duration.millis(1));
  return v;
}

export const probe = task(1, async (): Promise<void> => {
  const at = await offsetAfter(1);
  const base = changetype<usize>(bytes);
  log.infoInt("load<u32> at 1", load<u32>(base + <usize>at));
  store<u16>(base + <usize>at + 2, 0xbbaa);
  store<u32>(base + <usize>at + 6, 0x44332211);
  log.info(`load<u16> at 3 in text ${load<u16>(base + <usize>at + 2)}`);
  log.info(`bytes ${bytes[0]} ${bytes[1]} ${bytes[2]} ${bytes[3]} ${bytes[4]} ${bytes[5]} ${bytes[6]} ${bytes[7]} ${bytes[8]} ${bytes[9]} ${bytes[10]}`);
  log.infoInt("getUint16 at 1", view.getUint16(at, true));
  log.infoInt("getUint32 at 3 big-endian", view.getUint32(at + 2, false));
  view.setUint32(at + 4, 0xa1b2c3d4, true);
  log.info(`packet ${packet[4]} ${packet[5]} ${packet[6]} ${packet[7]} ${packet[8]} ${packet[9]}`);
  counters.up += 1;
  counters.down -= 1;
  log.infoInt("u16 255 + 1", counters.up);
  log.infoInt("i16 256 - 1", counters.down);
});

export function main(): void {
  for (let i = 0; i < 16; i++) bytes[i] = <u8>(i + 1);
  for (let i = 0; i < 12; i++) packet[i] = <u8>(0x10 * i + 1);
  probe.spawn();
}
