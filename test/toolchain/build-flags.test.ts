/**
 * Build flags a board gives defaults for (src/toolchain/build-flags.ts):
 * asking for a board's default explicitly (as `outpost build --board
 * espruino-pico` does: MVP and -O3z) is the same build as leaving it out,
 * so the build cache holds it once and both find it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadBoard } from "../../src/contract/boards.ts";
import { resolveBuildFlags } from "../../src/toolchain/build-flags.ts";
import { cachedCompile } from "../../src/toolchain/cache/build.ts";
import { Simulator } from "../../sim/index.ts";

const root = new URL("../../", import.meta.url).pathname;

test("each flag is what was asked, else the board's default, else false", () => {
  assert.equal(resolveBuildFlags(loadBoard("espruino-pico"), {}), { mvp: true, small: true, quick: false, deferText: true });
  assert.equal(resolveBuildFlags(loadBoard("espruino-pico"), { small: false }), { mvp: true, small: false, quick: false, deferText: true });
  assert.equal(resolveBuildFlags(loadBoard("sim"), {}), { mvp: false, small: false, quick: true, deferText: false });
  assert.equal(resolveBuildFlags(loadBoard("sim"), { mvp: true, quick: false }), { mvp: true, small: false, quick: false, deferText: false });
});

test("the simulator's quick build is other code than a speed build (-O3), and runs the same", async () => {
  const board = loadBoard("sim");
  const entry = root + "examples/blinky/main.ts";
  const quick = await cachedCompile({ entry, board });
  const speed = await cachedCompile({ entry, board, quick: false });
  assert.not.equal(quick.wasm, speed.wasm);
  const trace = async (wasm: Uint8Array): Promise<string[]> => {
    const sim = await Simulator.load(wasm, { board: "sim" });
    sim.runFor(2_000_000);
    return sim.pin("LED1").history.map((c) => `${c.at} ${c.level}`);
  };
  const want = await trace(speed.wasm);
  assert.is(want.length, 5); // low at 0, toggled every 500 ms
  assert.equal(await trace(quick.wasm), want);
});

test("bulk memory runs the same in a quick build, a speed build and a size build that is not MVP", async () => {
  const board = loadBoard("sim");
  const entry = root + "test/firmware/bulk-memory.ts";
  const logs = async (options: { quick?: boolean; small?: boolean }): Promise<string[]> => {
    const sim = await Simulator.load((await cachedCompile({ entry, board, ...options })).wasm, { board: "sim" });
    return sim.logs.map((l) => l.text);
  };
  const want = ["bulk-memory copied the last byte 189", "bulk-memory filled byte 9 170", "bulk-memory left byte 12 36"];
  assert.equal(await logs({}), want);
  assert.equal(await logs({ quick: false }), want);
  assert.equal(await logs({ small: true }), want); // once aborted in binaryen: bulk memory without its optimisations
});

test("a board's defaults asked for explicitly find the build made without them", async () => {
  const board = loadBoard("espruino-pico");
  const entry = root + "examples/blinky/main.ts";
  const plain = await cachedCompile({ entry, board });
  assert.is(await cachedCompile({ entry, board, mvp: true, small: true, deferText: true }), plain);
});

test.run();
