// Parity program (test/parity/): switches on awaited values of u8, i64,
// u32 above 2^31 and an enum, with an await inside a case, pick the case
// whose label equals the value at the discriminant's type.
import { Timer, Duration, log, task } from "outpost";

enum Op {
  Read = 3,
  Write = 7,
}

const bytes: StaticArray<u8> = [1, 250, 9];
const wides: StaticArray<i64> = [5_000_000_000, -1, 2];
const words: StaticArray<u32> = [4_000_000_000, 0, 7];
const ops: StaticArray<Op> = [Op.Write, Op.Read, Op.Write];

async function byteAt(i: i32): Promise<u8> {
  await Timer.after(Duration.millis(1));
  return bytes[i];
}
async function wideAt(i: i32): Promise<i64> {
  await Timer.after(Duration.millis(1));
  return wides[i];
}
async function wordAt(i: i32): Promise<u32> {
  await Timer.after(Duration.millis(1));
  return words[i];
}
async function opAt(i: i32): Promise<Op> {
  await Timer.after(Duration.millis(1));
  return ops[i];
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    switch (await byteAt(i)) {
      case 250:
        await Timer.after(Duration.millis(1));
        log.infoInt("switch-widths byte 250", i);
        break;
      case 1:
        log.infoInt("switch-widths byte 1", i);
        break;
      default:
        log.infoInt("switch-widths byte other", i);
    }
    switch (await wideAt(i)) {
      case 5_000_000_000:
        log.infoInt("switch-widths wide big", i);
        break;
      case -1:
        log.infoInt("switch-widths wide -1", i);
        break;
      default:
        log.infoInt("switch-widths wide other", i);
    }
    switch (await wordAt(i)) {
      case 4_000_000_000:
        log.infoInt("switch-widths word big", i);
        break;
      case 0:
        await Timer.after(Duration.millis(1));
        log.infoInt("switch-widths word 0", i);
        break;
      default:
        log.infoInt("switch-widths word other", i);
    }
    switch (await opAt(i)) {
      case Op.Read:
        log.infoInt("switch-widths read", i);
        break;
      case Op.Write:
        log.infoInt("switch-widths write", i);
        break;
    }
  }
});

export function main(): void {
  user.spawn();
}
