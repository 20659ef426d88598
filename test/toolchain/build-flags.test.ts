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

const root = new URL("../../", import.meta.url).pathname;

test("each flag is what was asked, else the board's default, else false", () => {
  assert.equal(resolveBuildFlags(loadBoard("espruino-pico"), {}), { mvp: true, small: true, deferText: true });
  assert.equal(resolveBuildFlags(loadBoard("espruino-pico"), { small: false }), { mvp: true, small: false, deferText: true });
  assert.equal(resolveBuildFlags(loadBoard("sim"), {}), { mvp: false, small: false, deferText: false });
  assert.equal(resolveBuildFlags(loadBoard("sim"), { mvp: true }), { mvp: true, small: false, deferText: false });
});

test("a board's defaults asked for explicitly find the build made without them", async () => {
  const board = loadBoard("espruino-pico");
  const entry = root + "examples/blinky/main.ts";
  const plain = await cachedCompile({ entry, board });
  assert.is(await cachedCompile({ entry, board, mvp: true, small: true, deferText: true }), plain);
});

test.run();
