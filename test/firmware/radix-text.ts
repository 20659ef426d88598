// Integers in another base in text built by async code (`n.toString(16)`
// in a log template or concatenation, ByteBuf.str, ByteBuf.int(v, radix))
// are written as the sync code beside them writes them: main() logs each
// value once at init, the task logs the same after an await and writes some
// to UART0 through a ByteBuf (a u64 above i64's range, and a null string,
// written "null" as a template literal writes it, among them); then it asks for base 40, which panics as
// toString does.
import { Duration, Timer, log, task } from "outpost";
import { ByteBuf, Uart, WriteAll } from "outpost/hal";
import { UART0 } from "outpost/board";

const values: StaticArray<i64> = [0, 255, -255, 2147483647, -2147483648, 9223372036854775807, -9223372036854775808];
const radixes: StaticArray<i32> = [2, 8, 16, 36];
const word: u32 = 0xdeadbeef;
const small: u8 = 200;
const big: u64 = 0xfedcba9876543210; // above i64's range: every bit is magnitude
let label: string | null = null;
const out = new ByteBuf(96);
const writeAll = new WriteAll();
let uart!: Uart;
let outOfRange: i32 = 40;

export const digits = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  for (let i = 0; i < values.length; i++) {
    for (let r = 0; r < radixes.length; r++) log.info(`radix ${radixes[r]}: ${values[i].toString(radixes[r])}`);
  }
  log.info("word " + word.toString(16) + " " + small.toString(2) + " " + word.toString(10));
  log.info(`u64 ${big} ${big.toString(36)} ${label}`);
  out.clear().str(`${word.toString(16)};${values[2].toString(16)};${big.toString(16)};${label};`).int(-255, 36).crlf();
  await writeAll.arm(uart, out.data, 0, out.length);
  await Timer.after(Duration.millis(5)); // the line has left UART0
  log.info(`out of range ${values[1].toString(outOfRange)}`);
});

export function main(): void {
  for (let i = 0; i < values.length; i++) {
    for (let r = 0; r < radixes.length; r++) log.info(`radix ${radixes[r]}: ${values[i].toString(radixes[r])}`);
  }
  log.info("word " + word.toString(16) + " " + small.toString(2) + " " + word.toString(10));
  uart = new Uart(UART0, 115200, "UART0");
  digits.spawn();
}
