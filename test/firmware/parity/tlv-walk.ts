// Parity program (test/parity/): a TLV record walker: `for … of` over a
// byte array with a switch on the tag whose `break` leaves the switch and
// whose `continue` skips to the next byte, a nested `for` with an early
// `return` from the async function, and awaits in every branch.
import { Timer, Duration, log, task } from "outpost";

const recA: StaticArray<u8> = [1, 2, 0x12, 0x34, 2, 1, 0x7f, 9, 3, 1, 2, 3, 0, 2, 1, 0x55];
const recB: StaticArray<u8> = [1, 1, 0x01, 0xee];

async function slow(n: i32): Promise<i32> {
  await Timer.after(Duration.micros(100));
  return n;
}

async function walk(rec: StaticArray<u8>, name: string): Promise<i32> {
  let tag: i32 = -1;
  let need: i32 = 0;
  let val: i32 = 0;
  let skipped = 0;
  let records = 0;
  for (const b of rec) {
    if (tag < 0) {
      tag = b;
      need = -1;
      continue;
    }
    if (need < 0) {
      need = b;
      val = 0;
      if (need == 0) {
        tag = -1;
        log.info(`tlv-walk ${name} empty record`);
      }
      continue;
    }
    val = (val << 8) | b;
    need--;
    if (need > 0) continue;
    switch (tag) {
      case 1:
        log.info(`tlv-walk ${name} u16 ${val} ${await slow(val & 0xff)}`);
        break;
      case 2:
        if (val > 0x7e) {
          log.info(`tlv-walk ${name} big byte ${val}`);
          break;
        }
        log.info(`tlv-walk ${name} small byte ${val}`);
        break;
      case 0xee:
        return -records;
      default:
        skipped++;
        for (let k = 0; k < 3; k++) {
          if ((await slow(k)) == 1 && tag == 9) {
            log.info(`tlv-walk ${name} bail on tag ${tag} at ${records}`);
            return records * 1000 + skipped;
          }
        }
    }
    records++;
    tag = -1;
  }
  return records;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("tlv-walk A", await walk(recA, "A"));
  recA[7] = 4;
  log.infoInt("tlv-walk A2", await walk(recA, "A2"));
  log.infoInt("tlv-walk B", await walk(recB, "B"));
});

export function main(): void {
  user.spawn();
}
