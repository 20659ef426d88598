/**
 * An Espruino build says what every host says: a recursion past the stack is
 * the "call stack exhausted" trap on the Espruino host as on the Wasm one
 * (V8's own words were printed), and a build refused because its init
 * panics spells its message out (its text tags were printed raw).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { buildTest } from "../helpers/firmware.ts";

const BOARD = "espruino-pico";

test("a recursion past the stack is the call stack exhausted trap on the Espruino host, as on the Wasm", async () => {
  const { wasm, text } = await buildTest("test/firmware/native-deep.ts", BOARD);
  const { js } = await compileEspruino(wasm, loadBoard(BOARD), "native-deep.js", { text });
  for (const firmware of [wasm, js]) {
    const sim = await Simulator.load(firmware, { board: BOARD, text });
    sim.runFor("1s");
    assert.equal([sim.panic?.code, sim.panic?.message, sim.panic?.task], ["TRAP", "call stack exhausted", "deep"]);
  }
});

test("an Espruino build refused for a panic in init spells the panic's message out", async () => {
  const { wasm, text } = await buildTest("test/firmware/wasm-init-panic.ts", BOARD);
  const refused = await compileEspruino(wasm, loadBoard(BOARD), "wasm-init-panic.js", { text }).then(() => null, (e: Error) => e.message);
  assert.is(refused, 'wasm-init-panic.js panicked during init (POOL_FULL): cannot spawn task "once": its pool (size 1) is full; raise the pool size where it is declared (task(size, …) or new TaskPool(name, size)) or use trySpawn() to handle it');
});

test.run();
