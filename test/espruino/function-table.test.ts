/**
 * Function values on Espruino (test/firmware/function-values.ts): the
 * Wasm's function table becomes an array of the translated functions, which
 * must follow them (Espruino does not hoist: a table declared first was
 * refused by the translation's own check). The build runs as the Wasm does.
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
  return sim.logs.map((l) => `${l.at} ${l.text}`);
}

test("function values (a module-level arrow, a table of arrows, async functions as values) translate and run as the Wasm does", async () => {
  const { wasm, text } = await buildTest("test/firmware/function-values.ts", BOARD);
  const { js } = await compileEspruino(wasm, loadBoard(BOARD), "function-values.js", { checked: true, text });
  const expected = ["0 square 9", "0 op 0: 49", "0 op 1: 8", "1000 applied 42"];
  assert.equal(await logsOf(wasm, text), expected);
  assert.equal(await logsOf(js), expected);
});

test.run();
