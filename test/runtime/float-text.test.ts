/**
 * Floats in text that async code builds (a log template, ByteBuf.str) are
 * written as AssemblyScript's toString writes them, so exactly as the sync
 * code beside them does (test/firmware/float-text.ts logs each value both
 * ways), on a quick build and an Espruino board's build (size-optimised,
 * deferred text), as Wasm and as JavaScript, byte for byte. The sync lines are the standard library's
 * formatting and case mapping, which on Espruino needed honest alignment
 * hints (src/toolchain/std-alignment.ts: `${210.0}` printed `21.0` and a
 * NUL, `"Straße".toUpperCase()` `STRAßSE`).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTest } from "../helpers/firmware.ts";

const test = suite("floats in text built by async code");
const FIRMWARE = "test/firmware/float-text.ts";
const VALUES = ["21.5", "21.0", "210.0", "-21.0", "0.0", "-3.25", "1e+21", "1e-7", "0.30000000000000007", "0.6666666666666666", "1.7976931348623157e+308", "-Infinity"];
const INTEGERS = ["7 7", "-42 -42", "123 123", "-12345 -12345", "1234567 1234567", "-2147483648 -2147483648", "9007199254740993 1"];

async function observe(firmware: Uint8Array | string, board: string, text?: string[]): Promise<{ logs: string[]; uart: string }> {
  const sim = await Simulator.load(firmware, { board, text });
  sim.runFor("10ms");
  assert.is(sim.panic, null);
  return { logs: sim.logs.map((l) => `${l.at} ${l.text}`), uart: Buffer.from(sim.uart("UART0").txLog.map((r) => r.byte)).toString("latin1") };
}

const expected = {
  logs: [
    ...VALUES.map((v, i) => `0 float ${i}: ${v}`),
    ...INTEGERS.map((v) => `0 int ${v}`),
    "0 text STRASSE straße NaN",
    "0 text -INFINITY -infinity -Infinity",
    "0 text ǄEMAL ǆemal NaN",
    "0 text X x NaN",
    ...VALUES.map((v, i) => `1000 float ${i}: ${v}`),
    "1000 float f32 0.1, nan NaN, sum 18.25",
    "1000 float math 21.0 3.141592653589793 0.1 21 -3.25",
  ],
  uart: "21.5;21.0;0.1;1e+21\r\n",
};

test("a quick build (the simulator's board) writes them as the sync code does", async () => {
  assert.equal(await observe((await buildTest(FIRMWARE, "sim")).wasm, "sim"), expected);
});

test("an Espruino board's build (size-optimised, deferred text) writes the same bytes, as Wasm and translated to JavaScript", async () => {
  const board = loadBoard("espruino-pico");
  const { wasm, text } = await buildTest(FIRMWARE, "espruino-pico");
  assert.ok(text && text.length > 0, "espruino-pico defers its message text");
  assert.equal(await observe(wasm, "espruino-pico", text), expected);
  const { js } = await compileEspruino(wasm, board, "float-text.js", { checked: true, text });
  assert.equal(await observe(js, "espruino-pico"), expected);
});

test.run();
