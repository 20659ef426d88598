// Floats in text built by async code (log templates, ByteBuf.str) are
// written as the sync code beside them writes them (AssemblyScript's
// toString): main() logs each value once at init, the task logs the same
// after an await and writes them to UART0 through a ByteBuf. main() also
// formats integers and maps case the standard library's way, which writes
// at unaligned addresses (std-alignment.ts).
import { Duration, Timer, log, task } from "outpost";
import { ByteBuf, Uart, WriteAll } from "outpost/hal";
import { UART0 } from "outpost/board";

const values: StaticArray<f64> = [21.5, 21.0, 210.0, -21.0, 0.0, -3.25, 1e21, 1e-7, 0.1 + 0.2, 2.0 / 3.0, 1.7976931348623157e308, -Infinity];
const integers: StaticArray<i64> = [7, -42, 123, -12345, 1234567, -2147483648, 9007199254740993];
const single: f32 = 0.1;
const words: StaticArray<string> = ["Straße", "-Infinity", "ǅemal", "x"];
const out = new ByteBuf(96);
const writeAll = new WriteAll();
let uart!: Uart;

export const floats = task(1, async (): Promise<void> => {
  await Timer.after(Duration.millis(1));
  for (let i = 0; i < values.length; i++) log.info(`float ${i}: ${values[i]}`);
  const nan = values[11] + Infinity;
  log.info(`float f32 ${single}, nan ${nan}, sum ${values[0] + values[5]}`);
  log.info(`float math ${Math.floor(values[0])} ${Math.PI} ${Mathf.sqrt(single * single)} ${i32(values[0])} ${max(values[3], values[5])}`);
  out.clear().str(`${values[0]};${values[1]};${single};${values[6]}`).crlf();
  await writeAll.arm(uart, out.data, 0, out.length);
});

export function main(): void {
  for (let i = 0; i < values.length; i++) log.info(`float ${i}: ${values[i]}`);
  for (let i = 0; i < integers.length; i++) log.info(`int ${integers[i]} ${<i32>integers[i]}`);
  // Case mapping and parsing move UTF-16 in wide words too (std-alignment.ts).
  for (let i = 0; i < words.length; i++) log.info(`text ${words[i].toUpperCase()} ${words[i].toLowerCase()} ${parseFloat(words[i])}`);
  uart = new Uart(UART0, 115200, "UART0");
  floats.spawn();
}
