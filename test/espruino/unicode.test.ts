/**
 * Boards whose Espruino build has Unicode support (board.json
 * `espruino.unicode`, Bangle.js 2): the simulator's Espruino host models
 * how such a build indexes strings (sim/espruino/unicode.ts), so a script
 * that builds byte strings by index fails here as on the watch, and the
 * glue, which never does, stays byte-exact.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Simulator } from "../../sim/index.ts";
import { loadBoard } from "../../src/contract/boards.ts";
import { espruinoSpec } from "../../src/contract/espruino-board.ts";
import { compileEspruino } from "../../src/toolchain/espruino/bundle.ts";
import { asBuild } from "../helpers/espruino-script.ts";
import { buildTest } from "../helpers/firmware.ts";

const test = suite("espruino unicode builds");
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** A script that echoes what it receives, taking bytes out of `data` by index as the old glue did. */
const INDEXING_ECHO = 'Serial1.setup(115200); Serial1.on("data", function (d) { var s = ""; for (var i = 0; i < d.length; i++) s += d[i]; Serial1.write(s); });';

async function echoed(board: string, script: string, bytes: Uint8Array): Promise<number[]> {
  const sim = await Simulator.load(asBuild(script, board), { board, name: "echo.js" });
  sim.uart("UART0").send(bytes, { at: 1000 });
  sim.runFor("100ms");
  return Array.from(sim.uart("UART0").bytes);
}

test("board.json marks Bangle.js 2 as a Unicode build, the Puck.js not", () => {
  assert.is(espruinoSpec(loadBoard("banglejs2")).unicode, true);
  assert.is(espruinoSpec(loadBoard("puckjs")).unicode ?? false, false);
});

test("on a Unicode board, a byte ≥ 0x80 taken by index from received data is UTF-8, as on the watch", async () => {
  assert.equal(await echoed("banglejs2", INDEXING_ECHO, Uint8Array.of(0x41, 0x80, 0xff)), [0x41, 0xc2, 0x80, 0xc3, 0xbf]);
  assert.equal(await echoed("puckjs", INDEXING_ECHO, Uint8Array.of(0x41, 0x80, 0xff)), [0x41, 0x80, 0xff]);
});

test("charAt behaves the same way there; length, charCodeAt and E.toUint8Array see the bytes", async () => {
  const script =
    'Serial1.setup(115200); Serial1.on("data", function (d) { console.log("info: " + [d.length, d.charCodeAt(0), d.charAt(0).length, ' +
    'E.toUint8Array(d)[0], "\\xe9".charAt(0).length, d.substr(0, 1).length].join(",")); });';
  const sim = await Simulator.load(asBuild(script, "banglejs2"), { board: "banglejs2", name: "x.js" });
  sim.uart("UART0").send(Uint8Array.of(0xe9), { at: 1000 });
  sim.runFor("10ms");
  assert.equal(sim.logs.map((l) => l.text), ["1,233,2,233,2,1"]);
});

test("uart-echo on Bangle.js 2 echoes every byte value unchanged, as the Wasm host does", async () => {
  const board = loadBoard("banglejs2");
  const { wasm, text } = await buildTest("examples/uart-echo/main.ts", "banglejs2");
  const { js } = await compileEspruino(wasm, board, "uart-echo.js", { checked: true, text });
  const run = async (fw: Uint8Array | string): Promise<number[]> => {
    const sim = await Simulator.load(fw, { board: "banglejs2" });
    sim.uart("UART0").send(ALL_BYTES, { at: 1000 });
    sim.runFor("100ms");
    return Array.from(sim.uart("UART0").bytes);
  };
  const asJs = await run(js);
  assert.equal(asJs, Array.from(ALL_BYTES));
  assert.equal(asJs, await run(wasm));
});

test.run();
