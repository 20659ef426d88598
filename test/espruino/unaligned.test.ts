/**
 * Memory at any address on Espruino (test/firmware/unaligned-memory.ts):
 * the translation reads an alignment hint as a promise, so the firmware's
 * own loads and stores, and DataView's, get honest hints
 * (src/toolchain/std-alignment.ts), and a 16-bit store whose value reads
 * memory is not split into bytes (src/toolchain/espruino/views.ts). The
 * build, as `outpost build` makes it, logs what the Wasm logs.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTest } from "../helpers/firmware.ts";

const BOARD = "espruino-pico";

async function logsOf(firmware: Uint8Array | string, text?: string[]): Promise<string[]> {
  const sim = await Simulator.load(firmware, { board: BOARD, text });
  sim.runFor("10ms");
  assert.is(sim.panic, null);
  return sim.logs.map((l) => l.text);
}

test("loads and stores at odd addresses, a DataView at odd offsets and 16-bit fields across a carry run on Espruino as the Wasm does", async () => {
  const { wasm, text } = await buildTest("test/firmware/unaligned-memory.ts", BOARD);
  const { js } = await compileEspruino(wasm, loadBoard(BOARD), "unaligned-memory.js", { text });
  const expected = [
    "load<u32> at 1 84148994",
    "load<u16> at 3 in text 48042",
    "bytes 1 2 3 170 187 6 7 17 34 51 68",
    "getUint16 at 1 8465",
    "getUint32 at 3 big-endian 826364257",
    "packet 65 212 195 178 161 145",
    "u16 255 + 1 256",
    "i16 256 - 1 255",
  ];
  assert.equal(await logsOf(wasm, text), expected);
  assert.equal(await logsOf(js), expected);
});

test.run();
