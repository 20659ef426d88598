/**
 * Integers in another base in text async code builds (`n.toString(radix)`
 * in a log template or a concatenation, ByteBuf.str, ByteBuf.int(v, radix))
 * are written as the sync code beside them writes them
 * (test/firmware/radix-text.ts logs each value both ways): lowercase
 * digits, a '-' before a negative value, i64's extremes whole; on a quick
 * build and an Espruino board's build (deferred text), as Wasm and as
 * JavaScript. A radix outside 2 to 36 panics, naming it, as toString does.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTest } from "../helpers/firmware.ts";

const test = suite("integers in another base in text built by async code");
const FIRMWARE = "test/firmware/radix-text.ts";
const VALUES = [0n, 255n, -255n, 2147483647n, -2147483648n, 9223372036854775807n, -9223372036854775808n];
const RADIXES = [2, 8, 16, 36];

/** What JavaScript's toString(radix) writes: the same digits as AssemblyScript's. */
const block = (at: number): string[] => [
  ...VALUES.flatMap((v) => RADIXES.map((r) => `${at} radix ${r}: ${v.toString(r)}`)),
  `${at} word ${(0xdeadbeef).toString(16)} ${(200).toString(2)} ${0xdeadbeef}`,
];

async function observe(firmware: Uint8Array | string, board: string, text?: string[]) {
  const sim = await Simulator.load(firmware, { board, text });
  sim.runFor("10ms");
  return {
    logs: sim.logs.map((l) => `${l.at} ${l.text}`),
    uart: Buffer.from(sim.uart("UART0").txLog.map((r) => r.byte)).toString("latin1"),
    panic: sim.panic && `${sim.panic.at} ${sim.panic.code}: ${sim.panic.message}`,
  };
}

const BIG = 0xfedcba9876543210n;
const expected = {
  logs: [...block(0), ...block(1000), `1000 u64 ${BIG} ${BIG.toString(36)} null`],
  uart: `deadbeef;-ff;${BIG.toString(16)};null;${(-255).toString(36)}\r\n`,
  panic: "6000 ABORT: toString(): radix argument must be between 2 and 36 (got 40)",
};
// The line is 40 bytes: the sim board's 32-byte TX FIFO takes the rest once it has drained (32 bytes at
// 86.8 µs), so the task's 5 ms wait starts 2,778 µs later than on the Espruino Pico's 64-byte FIFO.
const onSim = { ...expected, panic: expected.panic.replace(/^6000/, "8778") };

test("a quick build (the simulator's board) writes them as the sync code does, and panics on base 40", async () => {
  assert.equal(await observe((await buildTest(FIRMWARE, "sim")).wasm, "sim"), onSim);
});

test("an Espruino board's build writes the same, as Wasm and translated to JavaScript", async () => {
  const board = loadBoard("espruino-pico");
  const { wasm, text } = await buildTest(FIRMWARE, "espruino-pico");
  assert.equal(await observe(wasm, "espruino-pico", text), expected);
  const { js } = await compileEspruino(wasm, board, "radix-text.js", { checked: true, text });
  assert.equal(await observe(js, "espruino-pico"), expected);
});

test.run();
